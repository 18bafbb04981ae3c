package org.smsengine.provider.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.ReceiptSink;
import org.smsengine.provider.SmsProvider;
import org.smsengine.provider.SubmitResult;

/**
 * A provider reached over its REST API, as its definition describes it: one request per message
 * (a long text goes whole; the peer splits it), at most {@code window × sessions} requests at once
 * ({@link #submit} waits for room), each answer read into a {@link SubmitResult}. Its delivery
 * receipts come by webhook ({@link HttpReceiptController}) and go to the {@link ReceiptSink} given here.
 */
public final class HttpProvider implements SmsProvider {

    private final String name;
    private final HttpClient client;
    private final ExecutorService threads;
    private final Semaphore window;
    private final RequestMaker requests;
    private final AnswerReader answers;
    private final ReceiptWebhook webhook;

    /** @throws IllegalStateException naming the provider and the key when the definition cannot work */
    public HttpProvider(ProviderSettings.Definition definition, ReceiptSink receipts) {
        HttpSetup setup = new HttpSetup(definition);
        this.name = definition.name();
        this.window = new Semaphore(setup.concurrency());
        this.requests = setup.requests();
        this.answers = setup.answers();
        this.webhook = setup.webhook(receipts);
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // HTTP/1.1: a connection per request in flight, kept alive; no upgrade attempt a plain server could trip on
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(setup.connectTimeout())
                .executor(threads).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<SubmitResult> submit(OutgoingMessage message) {
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(new SubmitResult.RetryLater("interrupted", "the submission was interrupted",
                    List.of()));
        }
        CompletableFuture<HttpResponse<String>> sent;
        try {
            HttpRequest request = requests.make(message);
            sent = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, error) -> outcome(message, response, error))
                .whenComplete((result, error) -> window.release());
    }

    /** The outcome as a value whatever happened: the future never completes exceptionally. */
    private SubmitResult outcome(OutgoingMessage message, HttpResponse<String> response, Throwable error) {
        try {
            return error == null ? answers.read(message, response.statusCode(), response.body()) : answers.failed(error);
        } catch (RuntimeException e) {
            return answers.failed(e);
        }
    }

    /** The receipts webhook of this provider; empty when it was configured to send none. */
    Optional<ReceiptWebhook> webhook() {
        return Optional.ofNullable(webhook);
    }

    @Override
    public void close() {
        // Java 17's HttpClient has no close: its exchanges end with the threads they complete on
        threads.shutdownNow();
    }
}
