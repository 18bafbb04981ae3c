package org.smsengine.provider.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;

/** Builds the {@code deliver_sm} a handset's message arrives in, as an SMSC would send them. */
final class InboundPdus {

    private InboundPdus() {
    }

    static DeliverSm deliverSm(String from, String to, int dataCoding, byte[] shortMessage) {
        DeliverSm pdu = new DeliverSm();
        pdu.setSourceAddrTon(TypeOfNumber.INTERNATIONAL.value());
        pdu.setSourceAddr(from);
        pdu.setDestAddress(to);
        pdu.setDataCoding((byte) dataCoding);
        pdu.setShortMessage(shortMessage);
        return pdu;
    }

    /** The text cut into parts of {@code chars} UTF-16 units, each behind a UDH with an 8-bit reference. */
    static List<DeliverSm> ucs2Parts(String from, String to, String text, int chars, int reference) {
        List<DeliverSm> parts = new ArrayList<>();
        byte[] all = text.getBytes(StandardCharsets.UTF_16BE);     // cut as octets: a part may end inside a surrogate pair
        int total = (text.length() + chars - 1) / chars;
        for (int i = 0; i < total; i++) {
            byte[] octets = Arrays.copyOfRange(all, i * chars * 2, Math.min(all.length, (i + 1) * chars * 2));
            DeliverSm part = deliverSm(from, to, 0x08, withUdh(new byte[] {0x00, 0x03, (byte) reference, (byte) total,
                    (byte) (i + 1)}, octets));
            part.setUdhi();
            parts.add(part);
        }
        return parts;
    }

    static byte[] withUdh(byte[] elements, byte[] octets) {
        byte[] message = new byte[1 + elements.length + octets.length];
        message[0] = (byte) elements.length;
        System.arraycopy(elements, 0, message, 1, elements.length);
        System.arraycopy(octets, 0, message, 1 + elements.length, octets.length);
        return message;
    }

    static DeliverSm sar(String from, String to, byte[] octets, int reference, int total, int seq) {
        DeliverSm part = deliverSm(from, to, 0x00, octets);
        part.setOptionalParameters(new OptionalParameter.Sar_msg_ref_num((short) reference),
                new OptionalParameter.Sar_total_segments((byte) total), new OptionalParameter.Sar_segment_seqnum((byte) seq));
        return part;
    }
}
