package org.smsengine.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a stored CSV upload with commons-csv. Blank lines are skipped but still counted,
 * so row numbers stay those of a spreadsheet; a quoted line break stays inside its row.
 */
final class CsvRecordSource implements RecordSource {

    private static final int BUFFER = 64 * 1024;

    private final CountingInputStream counting;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int columnCount;
    private final int phoneIndex;
    private final int[] variableIndexes;

    CsvRecordSource(InputStream upload, String phoneColumn, List<String> variables) throws IOException {
        this.counting = new CountingInputStream(upload);
        InputStream in = skipBom(new BufferedInputStream(counting, BUFFER));
        this.parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), CsvHeader.FORMAT);
        this.records = parser.iterator();
        if (!records.hasNext()) {
            throw new IllegalStateException("The stored upload has no header row");
        }
        CsvHeader header = new CsvHeader(records.next().stream().map(String::strip).toList());
        this.columnCount = header.columns().size();
        this.phoneIndex = header.indexOf(phoneColumn).orElseThrow(
                () -> new IllegalStateException("The stored upload has no column " + phoneColumn));
        this.variableIndexes = variables.stream()
                .mapToInt(v -> header.indexOf(v).orElseThrow(() -> new IllegalStateException("No column " + v)))
                .toArray();
    }

    @Override
    public SourceRecord next() {
        while (records.hasNext()) {
            CSVRecord record = records.next();
            String[] fields = record.values();
            if (fields.length == 1 && fields[0].isEmpty() && columnCount > 1) {
                continue;
            }
            int rowNo = Math.toIntExact(record.getRecordNumber());
            if (fields.length != columnCount) {
                String problem = "has " + fields.length + " fields; the header has " + columnCount;
                return new SourceRecord(rowNo, fieldOrNull(fields, phoneIndex), new String[0], fields, null, problem);
            }
            String[] values = new String[variableIndexes.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = fields[variableIndexes[i]];
            }
            return new SourceRecord(rowNo, fields[phoneIndex], values, fields, null, null);
        }
        return null;
    }

    private static String fieldOrNull(String[] fields, int index) {
        return index < fields.length ? fields[index] : null;
    }

    @Override
    public long bytesRead() {
        return counting.count();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static InputStream skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom) {
            in.reset();
        }
        return in;
    }
}
