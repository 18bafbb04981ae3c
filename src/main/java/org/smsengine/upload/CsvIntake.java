package org.smsengine.upload;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

/**
 * The checks every CSV upload gets as it comes in (a batch's, an audience's): not empty, not
 * UTF-16, a UTF-8 BOM dropped, a header row that parses, and then, chunk by chunk as it is stored,
 * the byte-level checks of {@link CsvUploadScanner} (or, for an upload read in one pass rather
 * than stored, as it is read: {@link #checkedStream}). Each failure is a 400 naming the row or field.
 */
public final class CsvIntake {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final byte[] first;
    private final CsvUploadScanner scanner;
    private final CsvHeader header;

    private CsvIntake(byte[] first, CsvUploadScanner scanner, CsvHeader header) {
        this.first = first;
        this.scanner = scanner;
        this.header = header;
    }

    /** Reads the first chunk of the upload (up to {@code chunkSize} bytes) and checks it and its header row. */
    public static CsvIntake begin(InputStream csv, int chunkSize, long maxRecordSize) throws IOException {
        byte[] first = withoutBom(readFirstChunk(csv, chunkSize));
        CsvUploadScanner scanner = new CsvUploadScanner(maxRecordSize);
        scanner.feed(first, 0, first.length);
        return new CsvIntake(first, scanner, CsvHeader.parse(headerLine(first, scanner, chunkSize)));
    }

    public CsvHeader header() {
        return header;
    }

    /** The bytes already read (to store first). */
    public byte[] first() {
        return first;
    }

    /** Shows the rest of the upload to the checks, chunk by chunk, as it is stored. */
    public UploadStore.ChunkObserver observer() {
        return chunk -> scanner.feed(chunk, 0, chunk.length);
    }

    /**
     * The whole upload to read in one pass instead of storing it: the bytes already read, then the rest
     * of {@code rest}, each piece of it shown to the checks as it is read (so a check fails the reader
     * at the row it is on). Call {@link #finish()} after the last byte.
     */
    public InputStream checkedStream(InputStream rest) {
        return new SequenceInputStream(new ByteArrayInputStream(first), new FilterInputStream(rest) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    scanner.feed(buffer, off, off + n);
                }
                return n;
            }
        });
    }

    /** Ends the checks; refuses an upload with a header but no rows. */
    public void finish() {
        if (scanner.finish() == 0) {
            throw new InvalidInputException(InputError.row(2, "The file has a header row but no recipient rows"));
        }
    }

    private static byte[] readFirstChunk(InputStream csv, int chunkSize) throws IOException {
        byte[] first = csv.readNBytes(chunkSize);
        if (first.length == 0) {
            throw new InvalidInputException(InputError.field("file", "The file is empty"));
        }
        if (first.length >= 2 && ((first[0] == (byte) 0xFF && first[1] == (byte) 0xFE)
                || (first[0] == (byte) 0xFE && first[1] == (byte) 0xFF))) {
            throw new InvalidInputException(InputError.field("file",
                    "The file is UTF-16 text; save it as 'CSV UTF-8' and upload it again"));
        }
        return first;
    }

    private static byte[] withoutBom(byte[] first) {
        boolean bom = first.length >= 3 && first[0] == UTF8_BOM[0] && first[1] == UTF8_BOM[1] && first[2] == UTF8_BOM[2];
        return bom ? Arrays.copyOfRange(first, 3, first.length) : first;
    }

    private static String headerLine(byte[] first, CsvUploadScanner scanner, int chunkSize) {
        long end = scanner.headerEndOffset();
        if (end < 0 && first.length < chunkSize) {
            end = first.length; // the whole file is one line: a header without rows, which finish() refuses
        }
        if (end < 0) {
            throw new InvalidInputException(InputError.row(1, "The header row is longer than the first "
                    + first.length + " bytes, or the file has no line break after it"));
        }
        return new String(first, 0, (int) end, StandardCharsets.UTF_8);
    }
}
