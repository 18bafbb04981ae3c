package org.smsengine.provider.smpp;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.provider.MalformedReceipts;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptCheck;
import org.smsengine.provider.ReceiptSink;

/**
 * Where a provider's receipts go, on the protocol thread, before the SMSC has its response. A receipt
 * that breaks {@link ReceiptCheck} or cannot be read is counted and logged ({@link MalformedReceipts})
 * and still acknowledged: refused, the SMSC would offer it again for ever, and taken, one holding a NUL
 * once failed every receipt pass of the node. The others go to the sink with what they came as, their
 * ids as {@link ReceiptIds} records them.
 */
final class ReceiptReception {

    private static final Logger log = LoggerFactory.getLogger(ReceiptReception.class);

    private final String provider;
    private final ReceiptSink sink;
    private final ReceiptIds ids;
    private final MalformedReceipts malformed;
    private final Clock clock;

    ReceiptReception(String provider, ReceiptSink sink, ReceiptIds ids, MalformedReceipts malformed, Clock clock) {
        this.provider = provider;
        this.sink = sink;
        this.ids = ids;
        this.malformed = malformed;
        this.clock = clock;
    }

    void take(ReceiptReading reading) {
        if (reading.fault() != null) {
            malformed.count(provider, reading.fault(), reading.raw());
            return;
        }
        ReceiptReading.Final read = reading.receipt();
        if (read == null) {
            log.debug("{}: a receipt of a state that is not final, not applied: {}", provider, reading.raw());
            return;
        }
        Optional<ReceiptCheck.Fault> fault = ReceiptCheck.check(read.id(), read.errorCode(), read.doneAt(), clock.instant());
        if (fault.isPresent()) {
            malformed.count(provider, fault.get(), reading.raw());
            return;
        }
        sink.accept(new Receipt(provider, ids.receipt(read.id()), read.status(), read.error(), read.doneAt(),
                ids.alternatives(read.id())), reading.raw());
    }
}
