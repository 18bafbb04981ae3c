package org.smsengine.optout;

import java.util.List;

/**
 * An import as {@code GET /api/v1/opt-outs/imports/{id}} shows it: {@code rows} read, numbers
 * {@code added} to the list, {@code already} on it (a number the file names twice is there the second
 * time), {@code invalid} rows, the first of those with their reason ({@code problems}), and the
 * {@code error} that ended a FAILED import.
 */
public record ImportView(long id, String state, long rows, long added, long already, long invalid,
        List<Problem> problems, String error) {

    static ImportView of(ImportMapper.ImportRow row, List<Problem> problems) {
        return new ImportView(row.id(), row.state(), row.rows(), row.added(), row.already(), row.invalid(), problems,
                row.error());
    }

    /** A row whose number could not be read; {@code row} as a spreadsheet numbers it (the header is row 1). */
    public record Problem(int row, String message) {
    }
}
