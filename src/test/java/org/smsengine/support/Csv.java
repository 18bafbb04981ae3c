package org.smsengine.support;

import java.nio.charset.StandardCharsets;

/** Builds CSV uploads for tests: lines joined with CRLF, as spreadsheets write them. */
public final class Csv {

    private Csv() {
    }

    public static byte[] lines(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
