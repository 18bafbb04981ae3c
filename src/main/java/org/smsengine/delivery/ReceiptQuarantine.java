package org.smsengine.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.system.LogText;
import org.springframework.core.NestedExceptionUtils;

/**
 * Sets aside a receipt the database would not take, so the receipts that came with it are applied:
 * a row in {@code sms_receipt_quarantine} with what it came as and the error, a line in the log, and
 * {@code sms_receipts_quarantined_total{provider}}. A receipt that cannot even be set aside is
 * logged and counted, and dropped: keeping it would stop the others again.
 */
public class ReceiptQuarantine {

    private static final Logger log = LoggerFactory.getLogger(ReceiptQuarantine.class);
    private static final int MAX_ERROR = 1000;

    private final QuarantineMapper quarantine;
    private final MeterRegistry meters;

    ReceiptQuarantine(QuarantineMapper quarantine, MeterRegistry meters) {
        this.quarantine = quarantine;
        this.meters = meters;
    }

    /** Deletes what was set aside before {@code before}, {@code chunk} rows a statement; returns how many. */
    public long purge(OffsetDateTime before, int chunk) {
        long deleted = 0;
        int last;
        do {
            last = quarantine.purge(before, chunk);
            deleted += last;
        } while (last == chunk);
        return deleted;
    }

    void setAside(ArrivedReceipt arrived, RuntimeException failure) {
        String provider = arrived.receipt().provider();
        String error = printable(String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure)), MAX_ERROR);
        meters.counter("sms.receipts.quarantined", "provider", provider).increment();
        try {
            quarantine.insert(provider, arrived.receipt().providerMessageId(), arrived.receipt().status().name(),
                    arrived.raw() == null ? null : printable(arrived.raw(), MAX_ERROR), error,
                    arrived.arrivedAt().atOffset(ZoneOffset.UTC));
            log.warn("Receipt {} of {} could not be applied and is quarantined (GET /api/v1/receipts/quarantine): {}",
                    LogText.escape(arrived.receipt().providerMessageId()), provider, error);
        } catch (RuntimeException e) {
            log.error("Receipt {} of {} could not be applied ({}) nor quarantined; dropped",
                    LogText.escape(arrived.receipt().providerMessageId()), provider, error, e);
        }
    }

    /** PostgreSQL takes no NUL in text, and the listing shows it: control characters become '?'. */
    private static String printable(String text, int max) {
        StringBuilder kept = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && kept.length() < max; i++) {
            char c = text.charAt(i);
            kept.append(Character.isISOControl(c) ? '?' : c);
        }
        return kept.toString();
    }
}
