package org.smsengine.provider.gateway;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptStatus;

/**
 * The receipts a message's outcome makes: one per part the submission covered, under the ids the
 * provider gave them ({@link GatewayProvider#partId}). None for a message sent without a receipt asked
 * for (a keyword's reply): no batch waits for it.
 */
final class PartReceipts {

    private PartReceipts() {
    }

    static List<Receipt> of(String provider, GatewayMessageMapper.Row row, ReceiptStatus status, String error, Instant doneAt) {
        if (!row.receipt() || row.parts() == null || row.parts().isEmpty()) {
            return List.of();
        }
        return Arrays.stream(row.parts().split(",")).map(part -> new Receipt(provider,
                GatewayProvider.partId(row.id(), Integer.parseInt(part.strip())), status, error, doneAt)).toList();
    }
}
