package org.smsengine.provider.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptSink;
import org.smsengine.provider.ReceiptStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A device's report. Only the device that holds a message's lease may decide it, and only once: the
 * rows are locked, so a pull cannot lease them meanwhile, and an outcome for a message leased to
 * another device (its lease ran out) is refused, never applied twice. SENT or DELIVERED make a
 * DELIVERED receipt per part (a phone sending over its SIM sees no further); FAILED makes an
 * UNDELIVERED one, unless the device asks for a retry, which queues the message again for any device
 * while it has attempts left. Receipts go to the sink once the transaction is in.
 */
@Component
class Reports {

    private static final String SENT = "SENT";
    private static final String FAILED = "FAILED";

    private final GatewayMessageMapper messages;
    private final DeviceMapper devices;
    private final GatewayProviders providers;
    private final ReceiptSink receipts;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Reports(GatewayMessageMapper messages, DeviceMapper devices, GatewayProviders providers, ReceiptSink receipts,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.messages = messages;
        this.devices = devices;
        this.providers = providers;
        this.receipts = receipts;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    ReportAnswer report(DeviceMapper.Caller device, List<ReportItem> items) {
        ProviderSettings.Gateway settings = providers.require(device.provider());
        ReportItem.check(items, settings.maxPerReport());
        Decisions decisions = transaction.execute(status -> decide(device, items, settings));
        decisions.receipts().forEach(receipts::accept);
        return new ReportAnswer(decisions.accepted(), decisions.refused());
    }

    private Decisions decide(DeviceMapper.Caller device, List<ReportItem> items, ProviderSettings.Gateway settings) {
        Map<Long, GatewayMessageMapper.Row> rows = items.isEmpty() ? Map.of()
                : messages.lockForReport(device.provider(), items.stream().map(ReportItem::id).toArray(Long[]::new))
                        .stream().collect(Collectors.toMap(GatewayMessageMapper.Row::id, Function.identity()));
        Decisions decisions = new Decisions();
        Instant now = clock.instant();
        for (ReportItem item : items) {
            GatewayMessageMapper.Row row = rows.get(item.id());
            if (row == null) {
                decisions.refuse(item.id(), "unknown");
            } else if (row.deviceId() == null || row.deviceId() != device.id()) {
                decisions.refuse(item.id(), "not_leased_to_this_device");
            } else if (!"LEASED".equals(row.state())) {
                // a repeat (SENT then DELIVERED, or a retried call) is taken and changes nothing; a contradiction is refused
                if (row.state().equals(item.failed() ? FAILED : SENT)) {
                    decisions.accepted.add(item.id());
                } else {
                    decisions.refuse(item.id(), "already_reported");
                }
            } else if (!item.failed()) {
                decisions.apply(row, SENT, null, PartReceipts.of(device.provider(), row, ReceiptStatus.DELIVERED, null, now));
            } else {
                String error = item.error() == null || item.error().isBlank() ? "gateway:failed" : item.error().strip();
                if (item.retried() && row.attempts() < settings.maxAttempts()) {
                    decisions.apply(row, "QUEUED", error, List.of());
                } else {
                    String reason = item.retried() ? "gateway:attempts_exhausted: " + error : error;
                    decisions.apply(row, FAILED, reason,
                            PartReceipts.of(device.provider(), row, ReceiptStatus.UNDELIVERED, reason, now));
                }
            }
        }
        if (!decisions.ids.isEmpty()) {
            messages.applyReports(decisions.ids.toArray(Long[]::new), decisions.states.toArray(String[]::new),
                    decisions.errors.toArray(String[]::new));
        }
        devices.seen(device.id(), decisions.states.stream().filter(SENT::equals).count(),
                decisions.states.stream().filter(state -> !SENT.equals(state)).count());
        return decisions;
    }

    /** What a report decides: the rows to change, the receipts to send, the answer. */
    private static final class Decisions {

        private final List<Long> ids = new ArrayList<>();
        private final List<String> states = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private final List<Receipt> receipts = new ArrayList<>();
        private final List<Long> accepted = new ArrayList<>();
        private final List<ReportAnswer.Refused> refused = new ArrayList<>();

        void apply(GatewayMessageMapper.Row row, String state, String error, List<Receipt> made) {
            ids.add(row.id());
            states.add(state);
            errors.add(error);
            receipts.addAll(made);
            accepted.add(row.id());
        }

        void refuse(long id, String reason) {
            refused.add(new ReportAnswer.Refused(id, reason));
        }

        List<Receipt> receipts() {
            return receipts;
        }

        List<Long> accepted() {
            return accepted;
        }

        List<ReportAnswer.Refused> refused() {
            return refused;
        }
    }
}
