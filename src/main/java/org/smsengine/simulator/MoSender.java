package org.smsengine.simulator;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPServerSession;
import org.smsengine.template.SegmentCounter;
import org.smsengine.template.SmsEncoding;

/**
 * Sends a message "from a handset" (MO) as a handset's SMSC does: a {@code deliver_sm} with the
 * default esm_class (not a receipt), GSM-7 ({@code data_coding} 0) when the text fits the GSM
 * alphabet and UCS-2 otherwise, and a text longer than one part cut as the engine cuts its own (153
 * septets or 67 UCS-2 units) into several {@code deliver_sm}, each behind a UDH with an 8-bit
 * reference. Each {@code deliver_sm} waits for its response: when this returns, the ESME has
 * answered every part.
 */
final class MoSender {

    /** More parts than an 8-bit count can say. */
    static final int MAX_PARTS = 255;

    private static final ESMClass MO = new ESMClass();
    private static final ESMClass MO_WITH_UDH = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
    private static final DataCoding UCS2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2);

    private final AtomicInteger references = new AtomicInteger();

    /** The parts the text goes in, to refuse a text too long before anything is sent. */
    static int parts(String text) {
        return SegmentCounter.encode(text).segments();
    }

    void send(SMPPServerSession session, String from, String to, String text)
            throws PDUException, ResponseTimeoutException, InvalidResponseException, NegativeResponseException, IOException {
        SmsEncoding encoding = SegmentCounter.encode(text).encoding();
        List<String> parts = SegmentCounter.split(text, encoding);
        DataCoding coding = encoding == SmsEncoding.GSM7 ? DataCodings.ZERO : UCS2;
        int reference = references.incrementAndGet() & 0xFF;
        boolean international = from.startsWith("+");
        String source = international ? from.substring(1) : from;
        TypeOfNumber ton = international ? TypeOfNumber.INTERNATIONAL
                : source.chars().allMatch(Character::isDigit) ? TypeOfNumber.UNKNOWN : TypeOfNumber.ALPHANUMERIC;
        NumberingPlanIndicator npi = ton == TypeOfNumber.ALPHANUMERIC ? NumberingPlanIndicator.UNKNOWN : NumberingPlanIndicator.ISDN;
        for (int i = 0; i < parts.size(); i++) {
            byte[] octets = SegmentCounter.octets(parts.get(i), encoding);
            boolean several = parts.size() > 1;
            session.deliverShortMessage("", ton, npi, source, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to,
                    several ? MO_WITH_UDH : MO, (byte) 0, (byte) 0, new RegisteredDelivery(0), coding,
                    several ? withHeader(octets, reference, parts.size(), i + 1) : octets);
        }
    }

    private static byte[] withHeader(byte[] octets, int reference, int parts, int part) {
        byte[] message = new byte[octets.length + 6];
        message[0] = 0x05;
        message[1] = 0x00;
        message[2] = 0x03;
        message[3] = (byte) reference;
        message[4] = (byte) parts;
        message[5] = (byte) part;
        System.arraycopy(octets, 0, message, 6, octets.length);
        return message;
    }
}
