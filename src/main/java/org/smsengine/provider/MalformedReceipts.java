package org.smsengine.provider;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receipts a provider received and could not take ({@link ReceiptCheck}): counted in
 * {@code sms_receipts_malformed_total{provider,reason}} and logged, the first of each provider and
 * reason as a warning with what it came as, the others at debug: a carrier that sends thousands of
 * them must not flood the log, and none may go unnoticed.
 */
public final class MalformedReceipts {

    private static final Logger log = LoggerFactory.getLogger(MalformedReceipts.class);

    private final MeterRegistry meters;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public MalformedReceipts(MeterRegistry meters) {
        this.meters = meters;
    }

    /** @param raw what the receipt came as, printable and short (it is logged) */
    public void count(String provider, ReceiptCheck.Fault fault, String raw) {
        meters.counter("sms.receipts.malformed", "provider", provider, "reason", fault.reason()).increment();
        if (logged.add(provider + '\n' + fault.reason())) {
            log.warn("{}: a receipt was acknowledged and not taken: its {} {} ({}); further ones of this kind are counted in"
                    + " sms_receipts_malformed_total and logged at debug. It came as: {}", provider, fault.field(),
                    fault.detail(), fault.reason(), raw);
        } else {
            log.debug("{}: a receipt was acknowledged and not taken: its {} {} ({}). It came as: {}", provider, fault.field(),
                    fault.detail(), fault.reason(), raw);
        }
    }
}
