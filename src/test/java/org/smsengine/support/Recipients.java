package org.smsengine.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Generated recipient files: unique, valid US numbers (+1 201 55x xxxx), one GSM-7 name column. */
public final class Recipients {

    private Recipients() {
    }

    /** Recipient {@code i} (0 to 4,499,999: beyond, the number would have a digit too many and be rejected). */
    public static String phone(long i) {
        if (i < 0 || i >= 4_500_000) {
            throw new IllegalArgumentException("Recipients are numbered 0 to 4,499,999, not " + i);
        }
        return String.format("+1201%07d", 5_500_000 + i);
    }

    public static byte[] csv(int count) {
        return csv(0, count);
    }

    /** {@code count} recipients numbered from {@code first}: tests use ranges of their own, so counts per number stay theirs. */
    public static byte[] csv(int first, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 32);
        out.writeBytes("name,phone\r\n".getBytes(StandardCharsets.UTF_8));
        for (int i = first; i < first + count; i++) {
            out.writeBytes(("Customer " + i + "," + phone(i) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
