package org.smsengine.download;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVPrinter;
import org.smsengine.upload.CsvHeader;

/**
 * A CSV file the API serves, written as it is read (nothing held whole). Every cell a spreadsheet
 * would run as a formula (one starting with {@code = + - @}, tab or CR) is written with a leading
 * {@code '}, so a download opened in a spreadsheet never runs what a recipient's row carried. A phone
 * as the engine formats it ({@code +}, digits and {@code *} only: E.164 or masked) is not a formula
 * and is written as it is. Public for the downloads other features serve (the opt-out list's export).
 */
public final class CsvDownload implements Closeable {

    private static final Pattern FORMATTED_PHONE = Pattern.compile("\\+[0-9*]+");

    private final CSVPrinter csv;

    private CsvDownload(CSVPrinter csv) {
        this.csv = csv;
    }

    public static CsvDownload start(HttpServletResponse response, String filename, String... header) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        OutputStreamWriter out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        return new CsvDownload(new CSVPrinter(out, CsvHeader.FORMAT.builder().setHeader(header).get()));
    }

    public void row(Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cells[i] == null ? null : neutralised(cells[i].toString());
        }
        csv.printRecord(safe);
    }

    /** The cell as a spreadsheet may safely read it. */
    static String neutralised(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || FORMATTED_PHONE.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
