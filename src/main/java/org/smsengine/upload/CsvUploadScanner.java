package org.smsengine.upload;

import java.util.Locale;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

/**
 * Checks the structure of a CSV upload byte by byte while it is stored, so that a file the
 * validation step could not read is refused at once (400) and never becomes a batch: NUL bytes
 * (binary or UTF-16 data), invalid UTF-8, a quoted field that is never closed, a record larger
 * than the limit. Rows are numbered as a spreadsheet shows them (header = row 1).
 *
 * <p>Quotes follow commons-csv: a quote opens a quoted field only as the field's first character,
 * and {@code ""} inside a quoted field is a literal quote. Quote, comma, CR and LF are ASCII, so
 * they never occur inside a multi-byte UTF-8 sequence and the scan can work on bytes.
 */
final class CsvUploadScanner {

    private final long maxRecordBytes;

    private long row = 1;
    private long recordBytes;
    private long dataRows;
    private long headerEndOffset = -1;
    private long offset;
    private boolean inQuotes;
    private boolean quoteSeenInQuotes;
    private boolean atFieldStart = true;
    private boolean previousWasCr;
    private int utf8Continuations;
    private int utf8Lead;
    private long quoteOpenedOnRow;

    CsvUploadScanner(long maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    void feed(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++, offset++) {
            int b = bytes[i] & 0xFF;
            checkUtf8(b);
            if (b == 0) {
                throw refuse("contains a NUL byte, which CSV text never has: it looks like UTF-16 or a binary file."
                        + " Save it as 'CSV UTF-8'");
            }
            if (inQuotes) {
                inQuoted(b);
            } else {
                unquoted(b);
            }
        }
    }

    /** Ends the scan; returns how many non-blank rows follow the header. */
    long finish() {
        if (inQuotes && !quoteSeenInQuotes) {
            throw new InvalidInputException(InputError.row(quoteOpenedOnRow,
                    "A quoted field that starts on row " + quoteOpenedOnRow + " is never closed"));
        }
        if (utf8Continuations > 0) {
            throw refuse("ends in the middle of a UTF-8 character");
        }
        if (recordBytes > 0) {
            endRecord();
        }
        return dataRows;
    }

    /** Offset just after the header record's line break, or -1 while the header has not ended. */
    long headerEndOffset() {
        return headerEndOffset;
    }

    private void inQuoted(int b) {
        recordBytes++;
        if (quoteSeenInQuotes) {
            quoteSeenInQuotes = false;
            if (b == '"') {
                return;
            }
            inQuotes = false;
            unquotedAfterClosingQuote(b);
            return;
        }
        if (b == '"') {
            quoteSeenInQuotes = true;
        }
        checkRecordSize();
    }

    private void unquotedAfterClosingQuote(int b) {
        recordBytes--;
        unquoted(b);
    }

    private void unquoted(int b) {
        if (b == '\n' && previousWasCr) {
            previousWasCr = false;
            if (headerEndOffset == offset) {
                headerEndOffset = offset + 1; // the header's CR was followed by its LF
            }
            return;
        }
        previousWasCr = b == '\r';
        if (b == '\r' || b == '\n') {
            endRecord();
            markHeaderEnd();
            return;
        }
        recordBytes++;
        checkRecordSize();
        if (b == '"' && atFieldStart) {
            inQuotes = true;
            quoteOpenedOnRow = row;
        }
        atFieldStart = b == ',';
    }

    private void endRecord() {
        if (row > 1 && recordBytes > 0) {
            dataRows++;
        }
        row++;
        recordBytes = 0;
        atFieldStart = true;
    }

    private void markHeaderEnd() {
        if (headerEndOffset < 0) {
            headerEndOffset = offset + 1;
        }
    }

    private void checkRecordSize() {
        if (recordBytes > maxRecordBytes) {
            throw new InvalidInputException(InputError.row(row, "Row " + row + " is longer than " + maxRecordBytes
                    + " bytes (sms.upload.max-record-size); is a quote left open?"));
        }
    }

    private void checkUtf8(int b) {
        if (utf8Continuations > 0) {
            if ((b & 0xC0) != 0x80) {
                throw invalidUtf8(utf8Lead);
            }
            utf8Continuations--;
        } else if (b >= 0x80) {
            utf8Lead = b;
            if (b >= 0xC2 && b <= 0xDF) {
                utf8Continuations = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                utf8Continuations = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                utf8Continuations = 3;
            } else {
                throw invalidUtf8(b);
            }
        }
    }

    private InvalidInputException invalidUtf8(int b) {
        return refuse(String.format(Locale.ROOT, "is not valid UTF-8 (byte 0x%02X): save the file as 'CSV UTF-8'", b));
    }

    private InvalidInputException refuse(String what) {
        return new InvalidInputException(InputError.row(row, "The file " + what + " (row " + row + ")"));
    }
}
