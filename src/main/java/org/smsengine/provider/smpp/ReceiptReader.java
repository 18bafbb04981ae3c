package org.smsengine.provider.smpp;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.jsmpp.bean.OptionalParameter;
import org.smsengine.provider.ReceiptCheck;
import org.smsengine.provider.ReceiptStatus;

/**
 * Reads a PDU flagged as a delivery receipt ({@code deliver_sm} or {@code data_sm}), in every form
 * SMSCs send: the text of SMPP 3.4 Appendix B, {@code id:... sub:... dlvrd:... submit date:... done
 * date:YYMMDDhhmm[ss] stat:DELIVRD err:000 text:...}, in {@code short_message} or, when that is empty,
 * in {@code message_payload}; the standard TLVs {@code receipted_message_id}, {@code message_state}
 * and {@code network_error_code}; or both. Of the text only id, stat, err and done date are read.
 * (jSMPP's own parser builds dates through SimpleDateFormat and was the costliest part of taking
 * thousands of receipts a second.)
 * <p>
 * When a receipt has both, the TLVs win for id, state and error: they are the standard's fields, with
 * one meaning, while the text is informative and vendor-specific (some SMSCs cut its id to ten
 * characters or give it in another base than {@code submit_sm_resp}). Kannel reads them the same way:
 * {@code receipted_message_id} and {@code message_state} first, the text only for what they leave out.
 */
final class ReceiptReader {

    private static final short RECEIPTED_MESSAGE_ID = OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code();
    private static final short MESSAGE_STATE = OptionalParameter.Tag.MESSAGE_STATE.code();
    private static final short NETWORK_ERROR_CODE = OptionalParameter.Tag.NETWORK_ERROR_CODE.code();
    private static final short MESSAGE_PAYLOAD = OptionalParameter.Tag.MESSAGE_PAYLOAD.code();
    /** States that are not final: an intermediate notification (Kannel's list); the final receipt follows. */
    private static final Set<String> NOT_FINAL = Set.of("ENROUTE", "ACCEPTD", "UNKNOWN", "BUFFRED", "BUFFERD", "ACKED");
    private static final int RAW_LENGTH = 300;

    private ReceiptReader() {
    }

    /** @param shortMessage null for a {@code data_sm}, which has none */
    static ReceiptReading read(byte[] shortMessage, OptionalParameter[] tlvs) {
        byte[] payload = value(tlvs, MESSAGE_PAYLOAD);
        String text = shortMessage != null && shortMessage.length > 0 ? latin1(shortMessage)
                : payload != null && payload.length > 0 ? latin1(payload) : null;
        String tlvId = cString(value(tlvs, RECEIPTED_MESSAGE_ID));
        byte[] state = value(tlvs, MESSAGE_STATE);
        byte[] networkError = value(tlvs, NETWORK_ERROR_CODE);
        String raw = raw(text, tlvId, state, networkError);

        String id = tlvId != null && !tlvId.isEmpty() ? tlvId : text == null ? null : field(text, "id:");
        if (id == null) {
            return ReceiptReading.refused(new ReceiptCheck.Fault("messageId", "unreadable",
                    "is nowhere: neither receipted_message_id nor an id: in the receipt's text"), raw);
        }
        String stat = state != null && state.length == 1 ? stateName(state[0])
                : state != null ? "message_state of " + state.length + " octets"
                : text == null ? null : field(text, "stat:");
        if (stat != null && NOT_FINAL.contains(stat.toUpperCase(Locale.ROOT))) {
            return ReceiptReading.notFinal(raw);
        }
        ReceiptStatus status = stat == null ? null : status(stat.toUpperCase(Locale.ROOT));
        if (status == null) {
            return ReceiptReading.refused(ReceiptCheck.unknownStatus(stat), raw);
        }
        String code = networkError != null ? networkErrorCode(networkError) : text == null ? null : field(text, "err:");
        String error = status == ReceiptStatus.DELIVERED ? null
                : "receipt:" + stat.toUpperCase(Locale.ROOT) + (code == null || code.isEmpty() ? "" : ":" + code);
        Instant doneAt = text == null ? null : doneAt(field(text, "done date:"));
        return ReceiptReading.of(new ReceiptReading.Final(id, status, code, error, doneAt), raw);
    }

    private static ReceiptStatus status(String stat) {
        return switch (stat) {
            case "DELIVRD" -> ReceiptStatus.DELIVERED;
            case "UNDELIV", "DELETED" -> ReceiptStatus.UNDELIVERED;
            case "EXPIRED" -> ReceiptStatus.EXPIRED;
            case "REJECTD" -> ReceiptStatus.REJECTED;
            default -> null;
        };
    }

    /**
     * {@code message_state} (SMPP 3.4 §5.2.28) as the text's stat names it, so a message's error reads the same
     * whichever form its receipt came in; a value 3.4 does not define is named by its number.
     */
    private static String stateName(byte state) {
        return switch (state) {
            case 1 -> "ENROUTE";
            case 2 -> "DELIVRD";
            case 3 -> "EXPIRED";
            case 4 -> "DELETED";
            case 5 -> "UNDELIV";
            case 6 -> "ACCEPTD";
            case 7 -> "UNKNOWN";
            case 8 -> "REJECTD";
            default -> "message_state " + (state & 0xFF);
        };
    }

    /**
     * {@code network_error_code}: a network type, then the error in two octets, given as three digits as the
     * text's err is. Some SMSCs send three ASCII digits instead (Kannel reads those too); anything else is shown
     * in hexadecimal, which the edge's check bounds.
     */
    private static String networkErrorCode(byte[] value) {
        if (value.length == 3 && Character.isDigit(value[0]) && Character.isDigit(value[1]) && Character.isDigit(value[2])) {
            return latin1(value);
        }
        if (value.length == 3) {
            return String.format("%03d", ((value[1] & 0xFF) << 8) | (value[2] & 0xFF));
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : value) {
            hex.append(String.format("%02x", b & 0xFF));
        }
        return hex.toString();
    }

    /** The value of the first TLV with that tag, as it came; null when absent. */
    private static byte[] value(OptionalParameter[] tlvs, short tag) {
        if (tlvs == null) {
            return null;
        }
        for (OptionalParameter tlv : tlvs) {
            if (tlv != null && tlv.tag == tag) {
                byte[] serialized = tlv.serialize();
                return Arrays.copyOfRange(serialized, 4, serialized.length);     // past the tag and the length
            }
        }
        return null;
    }

    /** A C-octet string: its terminating NUL dropped; a NUL inside stays, for the check to refuse. */
    private static String cString(byte[] value) {
        if (value == null) {
            return null;
        }
        int length = value.length > 0 && value[value.length - 1] == 0 ? value.length - 1 : value.length;
        return new String(value, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The value after {@code name}, up to the next space; null when absent. Names are matched without regard to case. */
    private static String field(String text, String name) {
        int at = indexOfIgnoreCase(text, name);
        if (at < 0) {
            return null;
        }
        int start = at + name.length();
        int end = text.indexOf(' ', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static int indexOfIgnoreCase(String text, String name) {
        for (int i = 0; i + name.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, name, 0, name.length())) {
                return i;
            }
        }
        return -1;
    }

    /** {@code YYMMDDhhmm} or {@code YYMMDDhhmmss}, taken as UTC; null when it is not that. */
    private static Instant doneAt(String value) {
        if (value == null || (value.length() != 10 && value.length() != 12) || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int second = value.length() == 12 ? Integer.parseInt(value.substring(10, 12)) : 0;
        try {
            return LocalDateTime.of(2000 + Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(4, 6)), Integer.parseInt(value.substring(6, 8)),
                    Integer.parseInt(value.substring(8, 10)), second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * What the receipt came as, for a person: its text and its receipt TLVs, anything not printable ASCII as
     * {@code \xNN}, at most {@value #RAW_LENGTH} characters.
     */
    private static String raw(String text, String tlvId, byte[] state, byte[] networkError) {
        StringBuilder raw = new StringBuilder();
        if (text != null) {
            raw.append(text);
        }
        StringBuilder tlvs = new StringBuilder();
        if (tlvId != null) {
            tlvs.append("receipted_message_id=").append(tlvId);
        }
        if (state != null) {
            tlvs.append(tlvs.isEmpty() ? "" : " ").append("message_state=")
                    .append(state.length == 1 ? String.valueOf(state[0] & 0xFF) : latin1(state));
        }
        if (networkError != null) {
            tlvs.append(tlvs.isEmpty() ? "" : " ").append("network_error_code=").append(networkErrorCode(networkError));
        }
        if (!tlvs.isEmpty()) {
            raw.append(raw.isEmpty() ? "" : " ").append('[').append(tlvs).append(']');
        }
        StringBuilder printable = new StringBuilder(raw.length());
        raw.chars().forEach(c -> printable.append(c >= 0x20 && c <= 0x7E ? String.valueOf((char) c) : String.format("\\x%02x", c)));
        return printable.length() <= RAW_LENGTH ? printable.toString() : printable.substring(0, RAW_LENGTH - 3) + "...";
    }
}
