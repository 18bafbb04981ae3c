package org.smsengine.provider;

import java.util.concurrent.CompletableFuture;

/**
 * Sends messages to one carrier connection. {@link #submit} may block the caller while the
 * provider's window of requests in flight is full; the returned future completes with the outcome
 * and never exceptionally. Receipts arrive later through the {@link ReceiptSink} given at creation.
 */
public interface SmsProvider extends AutoCloseable {

    String name();

    CompletableFuture<SubmitResult> submit(OutgoingMessage message);

    /**
     * Its connections now: sessions bound of those configured. A provider with none bound takes no traffic
     * (routing moves it to another); one without sessions of its own (a REST API) reports 1 of 1.
     */
    default Sessions sessions() {
        return new Sessions(1, 1);
    }

    /** Sessions bound, of those configured. */
    record Sessions(int bound, int configured) {
    }

    @Override
    void close();
}
