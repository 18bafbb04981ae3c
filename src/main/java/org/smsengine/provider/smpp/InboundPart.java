package org.smsengine.provider.smpp;

import java.util.Arrays;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;

/**
 * One {@code deliver_sm} or {@code data_sm} a handset sent, read: its addresses, its data coding,
 * its user data without the header, and where it belongs when it is a part of a longer message
 * (from the UDH's concatenation element, IEI 0x00 with an 8-bit reference or 0x08 with a 16-bit
 * one, or else from the SAR TLVs). A message of one part has {@code total} 1.
 *
 * @param from       the handset, E.164 with {@code +} when it is a number ({@link #handset})
 * @param to         our sender id or short code, as given
 * @param reference  the concatenation reference; -1 for a message of one part
 */
record InboundPart(String from, String to, int dataCoding, int reference, int total, int seq, byte[] payload) {

    private static final int UDHI = 0x40;

    boolean single() {
        return total <= 1;
    }

    /** The part in a PDU: the text is in {@code short_message} or, when that is empty, in the {@code message_payload} TLV. */
    static InboundPart of(AbstractSmCommand pdu, byte[] shortMessage) {
        byte[] octets = shortMessage != null && shortMessage.length > 0 ? shortMessage : payloadTlv(pdu);
        String from = handset(pdu.getSourceAddrTon(), pdu.getSourceAddr());
        String to = pdu.getDestAddress() == null ? "" : pdu.getDestAddress();
        int dataCoding = pdu.getDataCoding() & 0xFF;
        if ((pdu.getEsmClass() & UDHI) != 0 && octets.length > 0) {
            int headerEnd = Math.min(octets.length, 1 + (octets[0] & 0xFF));    // UDHL counts octets, whatever the coding
            byte[] payload = Arrays.copyOfRange(octets, headerEnd, octets.length);
            int[] concatenation = concatenation(octets, headerEnd);
            if (concatenation != null) {
                return part(from, to, dataCoding, concatenation[0], concatenation[1], concatenation[2], payload);
            }
            octets = payload;
        }
        Integer reference = number(pdu.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM));
        Integer total = number(pdu.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS));
        Integer seq = number(pdu.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM));
        if (reference != null && total != null && seq != null) {
            return part(from, to, dataCoding, reference, total, seq, octets);
        }
        return new InboundPart(from, to, dataCoding, -1, 1, 1, octets);
    }

    /** A part whose numbers make no sense (part 0, or 4 of 3) is taken as a message of its own rather than lost. */
    private static InboundPart part(String from, String to, int dataCoding, int reference, int total, int seq, byte[] payload) {
        if (total < 2 || seq < 1 || seq > total) {
            return new InboundPart(from, to, dataCoding, -1, 1, 1, payload);
        }
        return new InboundPart(from, to, dataCoding, reference, total, seq, payload);
    }

    /** {reference, total, seq} from the header's concatenation element, or null when it has none. */
    private static int[] concatenation(byte[] octets, int headerEnd) {
        int i = 1;
        while (i + 1 < headerEnd) {
            int element = octets[i] & 0xFF;
            int length = octets[i + 1] & 0xFF;
            int data = i + 2;
            if (data + length > headerEnd) {
                return null;
            }
            if (element == 0x00 && length == 3) {
                return new int[] {octets[data] & 0xFF, octets[data + 1] & 0xFF, octets[data + 2] & 0xFF};
            }
            if (element == 0x08 && length == 4) {
                return new int[] {((octets[data] & 0xFF) << 8) | (octets[data + 1] & 0xFF),
                        octets[data + 2] & 0xFF, octets[data + 3] & 0xFF};
            }
            i = data + length;
        }
        return null;
    }

    /**
     * The handset's address as the engine keeps numbers: an international number (TON 1), or one
     * of unknown type that is all digits, gets its {@code +}; an alphanumeric sender, or a national
     * number whose country the SMSC did not say, stays as given.
     */
    static String handset(byte ton, String address) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        String digits = address.startsWith("+") ? address.substring(1) : address;
        boolean number = !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean international = ton == TypeOfNumber.INTERNATIONAL.value() || ton == TypeOfNumber.UNKNOWN.value()
                || address.startsWith("+");
        return number && international ? "+" + digits : address;
    }

    private static byte[] payloadTlv(AbstractSmCommand pdu) {
        return pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD) instanceof OptionalParameter.OctetString payload
                && payload.getValue() != null ? payload.getValue() : new byte[0];
    }

    private static Integer number(OptionalParameter parameter) {
        if (parameter instanceof OptionalParameter.Short value) {
            return value.getValue() & 0xFFFF;
        }
        if (parameter instanceof OptionalParameter.Byte value) {
            return value.getValue() & 0xFF;
        }
        return null;
    }
}
