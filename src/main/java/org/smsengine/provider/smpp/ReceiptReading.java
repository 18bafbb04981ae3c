package org.smsengine.provider.smpp;

import java.time.Instant;
import org.smsengine.provider.ReceiptCheck;
import org.smsengine.provider.ReceiptStatus;

/**
 * What a PDU flagged as a receipt said, before the edge's check: a final state ({@code receipt}), a
 * reason it cannot be taken at all ({@code fault}), or neither (a state that is not final yet).
 *
 * @param raw what it came as, printable and short, for the log and the quarantine
 */
record ReceiptReading(Final receipt, ReceiptCheck.Fault fault, String raw) {

    /**
     * @param id        the provider's id of the part, as the SMSC gave it
     * @param errorCode the carrier's code, as it came (the part {@link ReceiptCheck} bounds); null when none
     * @param error     what the message keeps: {@code receipt:<state>[:<code>]}; null when delivered
     */
    record Final(String id, ReceiptStatus status, String errorCode, String error, Instant doneAt) {
    }

    static ReceiptReading of(Final receipt, String raw) {
        return new ReceiptReading(receipt, null, raw);
    }

    static ReceiptReading refused(ReceiptCheck.Fault fault, String raw) {
        return new ReceiptReading(null, fault, raw);
    }

    static ReceiptReading notFinal(String raw) {
        return new ReceiptReading(null, null, raw);
    }
}
