package org.smsengine.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.util.DeliveryReceiptState;

/**
 * The simulator's SMPP receipts, in the form its settings choose ({@code receipt-style},
 * {@code receipt-pdu}, {@code id-format}): SMSCs differ in all three, and the engine must read each.
 */
final class SmppReceipts {

    private static final ESMClass RECEIPT = new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT,
            GSMSpecificFeature.DEFAULT);
    private static final byte[] EMPTY = new byte[0];

    private final SimulatorSettings settings;

    SmppReceipts(SimulatorSettings settings) {
        this.settings = settings;
    }

    /** Sends the receipt of an accepted part; returns once the engine answered it. */
    void send(SMPPServerSession session, ReceivedPart part, Date submitted, DeliveryReceiptState state) throws Exception {
        String id = receiptId(part.messageId());
        byte[] text = new DeliveryReceipt(id, 1, 1, submitted, new Date(), state, "000", "").toString()
                .getBytes(StandardCharsets.US_ASCII);
        SimulatorSettings.ReceiptStyle style = settings.receiptStyle();
        boolean textInPayload = style == SimulatorSettings.ReceiptStyle.PAYLOAD
                || (settings.receiptPdu() == SimulatorSettings.ReceiptPdu.DATA_SM && style != SimulatorSettings.ReceiptStyle.TLV);
        List<OptionalParameter> tlvs = new ArrayList<>();
        if (style == SimulatorSettings.ReceiptStyle.TLV || style == SimulatorSettings.ReceiptStyle.BOTH) {
            tlvs.add(new OptionalParameter.Receipted_message_id(id));
            tlvs.add(new OptionalParameter.Message_state(messageState(state)));
            if (state != DeliveryReceiptState.DELIVRD) {
                tlvs.add(new OptionalParameter.Network_error_code(
                        OptionalParameter.Network_error_code.Network_error_code_type.GSM, (short) 0));
            }
        }
        if (textInPayload) {
            tlvs.add(new OptionalParameter.Message_payload(text));
        }
        String from = part.destination();
        String to = part.source() == null ? "" : part.source();
        if (settings.receiptPdu() == SimulatorSettings.ReceiptPdu.DATA_SM) {
            session.dataShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from, TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, to, RECEIPT, new RegisteredDelivery(0), DataCodings.ZERO,
                    tlvs.toArray(OptionalParameter[]::new));
        } else {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from, TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, to, RECEIPT, (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    style == SimulatorSettings.ReceiptStyle.TEXT || style == SimulatorSettings.ReceiptStyle.BOTH ? text : EMPTY,
                    tlvs.toArray(OptionalParameter[]::new));
        }
    }

    /** The id a receipt gives: the accepted one, or with HEX_WITH_DECIMAL_RECEIPTS the same number in decimal. */
    String receiptId(String acceptedId) {
        return settings.idFormat() == SimulatorSettings.IdFormat.HEX_WITH_DECIMAL_RECEIPTS
                ? Long.toUnsignedString(Long.parseUnsignedLong(acceptedId, 16)) : acceptedId;
    }

    /** {@code message_state} of SMPP 3.4 §5.2.28 (jSMPP's own numbering of the states is one lower). */
    static byte messageState(DeliveryReceiptState state) {
        return switch (state) {
            case ENROUTE -> 1;
            case DELIVRD -> 2;
            case EXPIRED -> 3;
            case DELETED -> 4;
            case UNDELIV -> 5;
            case ACCEPTD -> 6;
            case UNKNOWN -> 7;
            case REJECTD -> 8;
        };
    }
}
