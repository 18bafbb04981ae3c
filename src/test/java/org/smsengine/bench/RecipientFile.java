package org.smsengine.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.smsengine.recipient.PhoneCheck;
import org.smsengine.recipient.PhoneNumbers;

/**
 * Writes {@code rows} unique, valid recipients ({@code name,phone,code}) as marketers send them:
 * numbers in several formats across US area codes. Each number is checked with libphonenumber,
 * so the engine must accept every row. The file is kept and reused for the same count. Candidates
 * repeat after 120,000,000 (15 area codes, 800 exchanges, 10,000 lines): ranges below that never meet.
 */
final class RecipientFile {

    private static final int[] AREA_CODES = {201, 202, 212, 213, 305, 312, 415, 512, 617, 646, 702, 713, 718, 808, 917};

    private RecipientFile() {
    }

    /** Whether any of {@code areas} is an area code of these files' numbers (history must use others). */
    static boolean usesAreaCodeOf(int[] areas) {
        return Arrays.stream(areas).anyMatch(area -> Arrays.stream(AREA_CODES).anyMatch(code -> code == area));
    }

    static Path create(Path dir, int rows) throws IOException {
        return create(dir, rows, 0);
    }

    /** {@code rows} recipients from candidate number {@code first} on: files with far-apart starts share no number. */
    static Path create(Path dir, int rows, long first) throws IOException {
        return write(dir, "recipients-", "name,phone,code", rows, first,
                (written, phone) -> "Customer " + written + "," + phone + "," + (100_000 + written % 900_000));
    }

    /** {@code rows} numbers alone ({@code phone}), as an opt-out list is exported, from candidate {@code first} on. */
    static Path phones(Path dir, int rows, long first) throws IOException {
        return write(dir, "phones-", "phone", rows, first, (written, phone) -> phone);
    }

    /** A CSV row of the {@code written}-th valid number. */
    @FunctionalInterface
    private interface Row {
        String of(int written, String phone);
    }

    private static Path write(Path dir, String prefix, String header, int rows, long first, Row row) throws IOException {
        Path file = dir.resolve(prefix + rows + (first == 0 ? "" : "-from-" + first) + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path partial = dir.resolve(file.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write(header + "\r\n");
            long candidate = first;
            for (int written = 0; written < rows; candidate++) {
                String phone = format(candidate);
                if (PhoneNumbers.check(phone, "US") instanceof PhoneCheck.Valid) {
                    out.write(row.of(written, phone) + "\r\n");
                    written++;
                }
            }
        }
        Files.move(partial, file);
        return file;
    }

    /** Candidate {@code i} as a distinct number: area code, then 7 digits with an exchange of 200-999. */
    private static String format(long i) {
        int area = AREA_CODES[(int) (i % AREA_CODES.length)];
        long local = i / AREA_CODES.length;
        long exchange = 200 + local / 10_000 % 800;
        long line = local % 10_000;
        return switch ((int) (i % 3)) {
            case 0 -> String.format("+1%d%03d%04d", area, exchange, line);
            case 1 -> String.format("(%d) %03d-%04d", area, exchange, line);
            default -> String.format("+1 %d-%03d-%04d", area, exchange, line);
        };
    }
}
