package org.smsengine.provider.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptSink;
import org.smsengine.provider.ReceiptStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A device's pull: leases it the oldest messages within reach (queued, or leased to a device whose
 * lease ran out), so no housekeeping task is needed for a device that vanished: the next pull of any
 * device takes its messages. Messages no pull may take any more (leased {@code maxAttempts} times, or
 * past their validity) are given up on the way, and their receipts sent once the transaction is in.
 */
@Component
class Leases {

    private final GatewayMessageMapper messages;
    private final DeviceMapper devices;
    private final GatewayProviders providers;
    private final ReceiptSink receipts;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Leases(GatewayMessageMapper messages, DeviceMapper devices, GatewayProviders providers, ReceiptSink receipts, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.messages = messages;
        this.devices = devices;
        this.providers = providers;
        this.receipts = receipts;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Up to {@code max} messages (at most the provider's max-per-pull), leased to the device. */
    List<PulledMessage> pull(DeviceMapper.Caller device, int max) {
        ProviderSettings.Gateway settings = providers.require(device.provider());
        List<Receipt> givenUp = new ArrayList<>();
        List<GatewayMessageMapper.Leased> leased = transaction.execute(status -> {
            for (GatewayMessageMapper.Row row : messages.settleUnreachable(device.provider(), settings.maxAttempts(),
                    settings.maxPerPull())) {
                ReceiptStatus outcome = "gateway:validity_passed".equals(row.error()) ? ReceiptStatus.EXPIRED
                        : ReceiptStatus.UNDELIVERED;
                givenUp.addAll(PartReceipts.of(device.provider(), row, outcome, row.error(), clock.instant()));
            }
            devices.seen(device.id(), 0, 0);
            return messages.lease(device.provider(), device.id(), Math.min(max, settings.maxPerPull()),
                    settings.lease().toMillis(), settings.maxAttempts());
        });
        givenUp.forEach(receipts::accept);
        return leased.stream().sorted(Comparator.comparingLong(GatewayMessageMapper.Leased::id)).map(PulledMessage::of)
                .toList();
    }
}
