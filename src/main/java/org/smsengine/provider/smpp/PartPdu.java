package org.smsengine.provider.smpp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.util.AbsoluteTimeFormatter;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.template.SegmentCounter;
import org.smsengine.template.SmsEncoding;

/**
 * One {@code submit_sm} of a message: the part's octets in its data coding, behind a concatenation
 * header (UDH, IEI 0x00: 8-bit reference, parts, part number) when the message has more than one
 * part. GSM-7 goes as unpacked septets in the SMSC default alphabet ({@code data_coding} 0x00),
 * UCS-2 as UTF-16BE ({@code data_coding} 0x08). A message with a {@code validUntil} carries it as
 * {@code validity_period} in every part, in SMPP's absolute form ({@code YYMMDDhhmmsstnnp}) and in
 * UTC, so the SMSC reads the same instant whatever its own time zone.
 *
 * @param validityPeriod null when the message has no limit (the SMSC's default applies)
 */
record PartPdu(int part, byte[] shortMessage, ESMClass esmClass, DataCoding dataCoding, String validityPeriod,
        boolean receipt) {

    static final ESMClass PLAIN = new ESMClass();
    static final ESMClass WITH_UDH = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
    static final DataCoding GSM7 = new GeneralDataCoding(Alphabet.ALPHA_DEFAULT);
    static final DataCoding UCS2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2);

    /** The parts of a message still to send, cut as preparation counted them. */
    static List<PartPdu> of(OutgoingMessage message) {
        DataCoding coding = message.encoding() == SmsEncoding.GSM7 ? GSM7 : UCS2;
        String validity = validityPeriod(message.validUntil());
        if (message.segments() == 1) {
            // preparation counted one part: no need to measure the text again
            return List.of(new PartPdu(1, SegmentCounter.octets(message.text(), message.encoding()), PLAIN, coding, validity,
                    message.receipt()));
        }
        List<String> texts = SegmentCounter.split(message.text(), message.encoding());
        if (texts.size() != message.segments()) {
            throw new IllegalStateException("Message " + message.reference() + " cuts into " + texts.size()
                    + " parts but was prepared as " + message.segments());
        }
        List<PartPdu> parts = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            int part = i + 1;
            if (message.skippedParts().contains(part)) {
                continue;
            }
            byte[] octets = SegmentCounter.octets(texts.get(i), message.encoding());
            if (texts.size() == 1) {
                parts.add(new PartPdu(part, octets, PLAIN, coding, validity, message.receipt()));
            } else {
                parts.add(new PartPdu(part, withHeader(octets, message.reference(), texts.size(), part), WITH_UDH, coding,
                        validity, message.receipt()));
            }
        }
        return parts;
    }

    /** {@code validUntil} as an SMPP absolute time in UTC, e.g. {@code 261127153000000+}; null for null. */
    static String validityPeriod(Instant validUntil) {
        if (validUntil == null) {
            return null;
        }
        Calendar utc = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        utc.setTimeInMillis(validUntil.toEpochMilli());
        return new AbsoluteTimeFormatter().format(utc);
    }

    private static byte[] withHeader(byte[] octets, long reference, int parts, int part) {
        byte[] message = new byte[octets.length + 6];
        message[0] = 0x05;                      // header length
        message[1] = 0x00;                      // concatenated short message, 8-bit reference
        message[2] = 0x03;                      // element length
        message[3] = (byte) (reference & 0xFF); // reference, the same in every part
        message[4] = (byte) parts;
        message[5] = (byte) part;
        System.arraycopy(octets, 0, message, 6, octets.length);
        return message;
    }
}
