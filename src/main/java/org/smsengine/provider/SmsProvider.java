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

    @Override
    void close();
}
