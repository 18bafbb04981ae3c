package org.smsengine.optout;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A multipart body with a CSV of {@code count} Icelandic numbers (a {@code phone} column), made as it
 * is read: a million rows never sit in the test's heap. Iceland's numbers have seven digits, so a
 * million rows (8 bytes each) stay under the tests' 8 MB upload limit; the ranges used are all valid
 * mobile numbers (69, 76-79, 83-86, 89), 100,000 numbers each.
 */
final class GeneratedImport extends InputStream {

    static final String BOUNDARY = "optOutImportBoundary7f3a";
    static final String[] RANGES = {"69", "76", "77", "78", "79", "83", "84", "85", "86", "89"};

    private final int count;
    private final byte[] tail;
    private byte[] current;
    private int position;
    private int next;
    private boolean ended;

    GeneratedImport(int count, String region) {
        this.count = count;
        this.current = ("--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"region\"\r\n\r\n" + region + "\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"opt-outs.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "phone\n").getBytes(StandardCharsets.US_ASCII);
        this.tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The {@code i}-th number as the file writes it (national form, no {@code +}). */
    static String national(int i) {
        return RANGES[i / 100_000] + String.format("%05d", i % 100_000);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) {
        int written = 0;
        while (written < len) {
            if (position == current.length && !advance()) {
                return written == 0 ? -1 : written;
            }
            int n = Math.min(len - written, current.length - position);
            System.arraycopy(current, position, buffer, off + written, n);
            position += n;
            written += n;
        }
        return written;
    }

    private boolean advance() {
        if (next < count) {
            current = (national(next++) + "\n").getBytes(StandardCharsets.US_ASCII);
        } else if (!ended) {
            current = tail;
            ended = true;
        } else {
            return false;
        }
        position = 0;
        return true;
    }
}
