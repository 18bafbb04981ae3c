package org.smsengine.progress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchCounts;
import org.smsengine.system.TooManyRequestsException;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open progress streams. A batch's progress is read once per interval, whatever the number of
 * clients watching it, and sent to each; the reading stops when the last client has gone. Streams
 * are capped per user and in all (each holds a connection and a slot of the web server): one more is
 * refused (429) rather than letting a client, or a page left open in many tabs, take the server.
 * When the node stops, every stream ends at once, so clients reconnect to another node instead of
 * holding this one's shutdown. {@code sms.progress.stream.reads} counts the feeds' readings, so that
 * the sharing can be seen: it grows by one per watched batch per interval, not per client.
 */
class ProgressStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProgressStreams.class);
    private static final String EVENT = "progress";

    private final ProgressService progress;
    private final ProgressSettings settings;
    private final Map<Long, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "progress-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter reads;
    private volatile boolean running;

    ProgressStreams(ProgressService progress, ProgressSettings settings, MeterRegistry meters) {
        this.progress = progress;
        this.settings = settings;
        // no batch tag: one series per batch ever watched would grow without bound
        this.reads = Counter.builder("sms.progress.stream.reads")
                .description("Readings of a batch's progress by the stream feeds, each shared by all the batch's streams")
                .register(meters);
    }

    /** A stream of the batch's progress for {@code user}: its first event at once, then one per interval until a final state and its receipts. */
    SseEmitter open(long batchId, String user) {
        BatchProgress first = progress.progress(batchId);
        Subscriber subscriber = admit(user);
        try {
            subscriber.emitter().onCompletion(() -> leave(batchId, subscriber));
            subscriber.emitter().onTimeout(() -> leave(batchId, subscriber));
            subscriber.emitter().onError(error -> leave(batchId, subscriber));
            if (send(subscriber, first)) {
                feeds.compute(batchId, (id, feed) -> (feed == null ? new Feed(id) : feed).join(subscriber));
            }
            return subscriber.emitter();
        } catch (RuntimeException e) {
            leave(batchId, subscriber);
            throw e;
        }
    }

    private Subscriber admit(String user) {
        AtomicInteger ofUser = perUser.computeIfAbsent(user, name -> new AtomicInteger());
        if (ofUser.incrementAndGet() > settings.maxStreamsPerUser()) {
            ofUser.decrementAndGet();
            throw new TooManyRequestsException("You have " + settings.maxStreamsPerUser()
                    + " progress streams open already (sms.progress.max-streams-per-user): close one first");
        }
        if (total.incrementAndGet() > settings.maxStreams()) {
            total.decrementAndGet();
            ofUser.decrementAndGet();
            throw new TooManyRequestsException("This node serves " + settings.maxStreams()
                    + " progress streams already (sms.progress.max-streams): try again later");
        }
        return new Subscriber(user, new SseEmitter(settings.streamTimeout().toMillis()), new AtomicBoolean());
    }

    /** A subscriber that has ended, for whatever reason: it frees its slots once, and its feed stops with its last one. */
    private void leave(long batchId, Subscriber subscriber) {
        if (subscriber.left().compareAndSet(false, true)) {
            total.decrementAndGet();
            perUser.computeIfPresent(subscriber.user(), (user, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
        feeds.computeIfPresent(batchId, (id, feed) -> feed.leave(subscriber) ? feed : null);
    }

    /**
     * Sends one event; completes the stream after a final state once no receipt is awaited (a batch
     * completes when its last message is submitted, and its receipts keep moving the counts for a
     * while: a watcher who stopped at COMPLETED would keep a delivered count short of the truth).
     * Returns whether the stream goes on.
     */
    private static boolean send(Subscriber subscriber, BatchProgress event) {
        try {
            subscriber.emitter().send(SseEmitter.event().name(EVENT).data(event, MediaType.APPLICATION_JSON));
            BatchCounts counts = event.counts();
            if (event.state().isFinal() && counts.sent() - counts.delivered() - counts.undelivered() <= 0) {
                subscriber.emitter().complete();
                return false;
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            subscriber.emitter().completeWithError(e);
            return false;
        }
    }

    /** Streams open on this node. */
    int open() {
        return total.get();
    }

    /** Batches whose progress is being read for streams. */
    int feeds() {
        return feeds.size();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream: clients reconnect to another node. */
    @Override
    public void stop() {
        running = false;
        feeds.values().forEach(Feed::end);
        ticker.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown, which would otherwise wait for the streams to end. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private record Subscriber(String user, SseEmitter emitter, AtomicBoolean left) {
    }

    /** One batch's reading, shared by its subscribers. */
    private final class Feed {

        private final long batchId;
        private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        private final ScheduledFuture<?> ticks;

        Feed(long batchId) {
            this.batchId = batchId;
            long every = settings.streamInterval().toMillis();
            this.ticks = ticker.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
        }

        Feed join(Subscriber subscriber) {
            subscribers.add(subscriber);
            return this;
        }

        /** Whether the feed goes on (someone still watches). */
        boolean leave(Subscriber subscriber) {
            subscribers.remove(subscriber);
            if (subscribers.isEmpty()) {
                ticks.cancel(false);
                return false;
            }
            return true;
        }

        private void tick() {
            try {
                reads.increment();
                BatchProgress now = progress.progress(batchId);
                for (Subscriber subscriber : subscribers) {
                    if (!send(subscriber, now)) {
                        ProgressStreams.this.leave(batchId, subscriber);
                    }
                }
            } catch (RuntimeException e) {
                // a failed tick would silently end the schedule and leave the clients waiting
                log.warn("Progress of batch {} could not be read for its streams: {}", batchId, e.toString());
                subscribers.forEach(subscriber -> subscriber.emitter().completeWithError(e));
            }
        }

        void end() {
            ticks.cancel(false);
            subscribers.forEach(subscriber -> subscriber.emitter().complete());
        }
    }
}
