package org.smsengine.provider.smpp;

import java.util.Optional;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptStatus;

/** Reads a {@code deliver_sm} that carries an SMSC delivery receipt into a {@link Receipt}. */
final class ReceiptReader {

    private ReceiptReader() {
    }

    /** The receipt, or empty when the PDU is not a receipt or its state is not final (ENROUTE, ACCEPTD, UNKNOWN). */
    static Optional<Receipt> read(String provider, DeliverSm deliverSm) throws InvalidDeliveryReceiptException {
        if (!deliverSm.isSmscDeliveryReceipt()) {
            return Optional.empty();
        }
        DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        ReceiptStatus status = switch (receipt.getFinalStatus()) {
            case DELIVRD -> ReceiptStatus.DELIVERED;
            case UNDELIV, DELETED -> ReceiptStatus.UNDELIVERED;
            case EXPIRED -> ReceiptStatus.EXPIRED;
            case REJECTD -> ReceiptStatus.REJECTED;
            default -> null;
        };
        if (status == null) {
            return Optional.empty();
        }
        String error = status == ReceiptStatus.DELIVERED ? null : "receipt:" + receipt.getFinalStatus() + ":" + receipt.getError();
        return Optional.of(new Receipt(provider, receipt.getId(), status, error,
                receipt.getDoneDate() == null ? null : receipt.getDoneDate().toInstant()));
    }
}
