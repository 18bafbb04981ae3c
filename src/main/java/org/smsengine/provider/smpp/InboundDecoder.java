package org.smsengine.provider.smpp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.smsengine.template.SegmentCounter;
import org.smsengine.template.SmsEncoding;

/**
 * Turns the octets of a message a handset sent (one part's, or a whole message's once reassembled)
 * into text by its {@code data_coding}. SMPP 3.4 defines the values 0x00-0x0F itself; above them the
 * byte is a GSM 03.38 data coding scheme, of which the general group (0x00-0x3F, alphabet in bits
 * 3-2) and the 0xF0 group (bit 2: GSM-7 or 8-bit) are read. Whatever is not known is read as
 * Latin-1, which never fails and keeps ASCII readable: a message is kept even when its coding is odd.
 */
final class InboundDecoder {

    private static final Charset CYRILLIC = Charset.forName("ISO-8859-5");
    private static final Charset HEBREW = Charset.forName("ISO-8859-8");

    private InboundDecoder() {
    }

    static String text(int dataCoding, byte[] octets) {
        return switch (alphabet(dataCoding & 0xFF)) {
            case GSM7 -> SegmentCounter.text(octets, SmsEncoding.GSM7);
            case UCS2 -> new String(octets, 0, octets.length & ~1, StandardCharsets.UTF_16BE);
            case IA5 -> new String(octets, StandardCharsets.US_ASCII);
            case CYRILLIC -> new String(octets, CYRILLIC);
            case HEBREW -> new String(octets, HEBREW);
            case LATIN1 -> new String(octets, StandardCharsets.ISO_8859_1);
        };
    }

    private enum Alphabet {
        GSM7, UCS2, IA5, CYRILLIC, HEBREW, LATIN1
    }

    private static Alphabet alphabet(int dataCoding) {
        switch (dataCoding) {
            case 0x00:
                return Alphabet.GSM7;      // the SMSC default alphabet, which for us is GSM 03.38 in unpacked septets
            case 0x01:
                return Alphabet.IA5;
            case 0x06:
                return Alphabet.CYRILLIC;
            case 0x07:
                return Alphabet.HEBREW;
            case 0x08:
                return Alphabet.UCS2;
            default:
                break;
        }
        if (dataCoding <= 0x0F) {
            return Alphabet.LATIN1;        // 0x02 and 0x04 octets (binary), 0x03 Latin-1, the rest unsupported
        }
        if ((dataCoding & 0xC0) == 0x00 && (dataCoding & 0x20) == 0) {
            // the general group, uncompressed: the alphabet is in bits 3-2
            return switch ((dataCoding >> 2) & 0x03) {
                case 0 -> Alphabet.GSM7;
                case 2 -> Alphabet.UCS2;
                default -> Alphabet.LATIN1;
            };
        }
        if ((dataCoding & 0xF0) == 0xF0) {
            return (dataCoding & 0x04) == 0 ? Alphabet.GSM7 : Alphabet.LATIN1;
        }
        if ((dataCoding & 0xF0) == 0xC0 || (dataCoding & 0xF0) == 0xD0) {
            return Alphabet.GSM7;          // message waiting indication, default alphabet
        }
        if ((dataCoding & 0xF0) == 0xE0) {
            return Alphabet.UCS2;          // message waiting indication, UCS-2
        }
        return Alphabet.LATIN1;
    }
}
