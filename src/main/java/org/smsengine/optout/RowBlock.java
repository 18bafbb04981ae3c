package org.smsengine.optout;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.smsengine.recipient.PhoneCheck;
import org.smsengine.recipient.PhoneNumbers;
import org.smsengine.upload.SourceRecord;

/**
 * A block of an import's rows, checked apart from the reader (libphonenumber is the import's costliest
 * step, several microseconds a number; the CSV reader is not): its numbers as COPY rows
 * ({@code import_id TAB row_no TAB phone LF}; an E.164 number never needs COPY's escapes), and its
 * rows without a number, in file order.
 */
final class RowBlock {

    private final int[] rowNos;
    private final String[] phones;
    private final String[] problems;
    private int size;

    RowBlock(int capacity) {
        this.rowNos = new int[capacity];
        this.phones = new String[capacity];
        this.problems = new String[capacity];
    }

    void add(SourceRecord record) {
        rowNos[size] = record.rowNo();
        phones[size] = record.phone();
        problems[size] = record.problem() == null ? null : "the row " + record.problem();
        size++;
    }

    boolean isFull() {
        return size == rowNos.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Reads each row's number in {@code region}. */
    Checked check(long importId, String region) {
        byte[] prefix = (importId + "\t").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream copyRows = new ByteArrayOutputStream(size * 36);
        List<ImportView.Problem> invalid = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String problem = problems[i];
            if (problem == null) {
                PhoneCheck check = PhoneNumbers.checkPossible(phones[i], region);
                if (check instanceof PhoneCheck.Valid number) {
                    copyRows.writeBytes(prefix);
                    copyRows.writeBytes((rowNos[i] + "\t" + number.e164() + "\n").getBytes(StandardCharsets.US_ASCII));
                    continue;
                }
                problem = OptOutNumbers.problem(check, region).orElseThrow();
            }
            invalid.add(new ImportView.Problem(rowNos[i], problem));
        }
        return new Checked(copyRows.toByteArray(), invalid);
    }

    /** A block's COPY rows and its rows without a number. */
    record Checked(byte[] copyRows, List<ImportView.Problem> invalid) {
    }
}
