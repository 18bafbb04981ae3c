package org.smsengine.delivery;

import org.smsengine.delivery.ratelimit.RateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.smsengine.batch.SendWindow;
import org.smsengine.delivery.screening.PageScreen;
import org.smsengine.message.MessageStatus;
import org.smsengine.pipeline.StepDefinition;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.provider.AcceptedPart;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.Providers;
import org.smsengine.provider.SubmitResult;
import org.smsengine.routing.FailureAction;
import org.smsengine.routing.Router;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/**
 * Submits a chunk of claimed messages and records what became of them. The page is routed at once
 * ({@link Router}: each message's provider by its route); a message whose provider stopped taking traffic
 * while the page was being sent is routed again before its submit. Submissions are paced by the rate
 * limits of their provider and batch and go out asynchronously up to the providers' windows; once every
 * outcome is in, they are recorded in bulk, each with its provider. What a failure means comes from the
 * failure rules: a retry after a backoff (on the same provider, or another when the provider is failing),
 * until the step's maxAttempts; or FAILED with its code. Right before each submit, a number that opted
 * out since its page was screened is suppressed instead.
 */
public class MessageSubmitter implements ItemWriter<ClaimedPage> {


    /**
     * What a partition sends with: the providers and the router choosing among them, the batch's sender
     * and its own rate; and how many outcomes this partition records at a time (its share of what the
     * providers may have in flight).
     */
    public record Route(long batchId, int partitionNo, Providers providers, Router router, int recordSlice,
            String sender, String tag, Integer batchTps, Instant validUntil) {
    }

    private final Route route;
    private final StepDefinition tuning;
    private final RateLimits limits;
    private final OutcomeRecorder recorder;
    private final StopSignals signals;
    private final Clock clock;
    private final ConsentGate consent;
    private final MeterRegistry meters;
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    MessageSubmitter(Route route, StepDefinition tuning, RateLimits limits,
            OutcomeRecorder recorder, StopSignals signals, Clock clock, ConsentGate consent, MeterRegistry meters) {
        this.consent = consent;
        this.meters = meters;
        this.signals = signals;
        this.clock = clock;
        this.route = route;
        this.tuning = tuning;
        this.limits = limits;
        this.recorder = recorder;
    }

    @Override
    public void write(Chunk<? extends ClaimedPage> chunk) throws Exception {
        for (ClaimedPage page : chunk) {
            if (!page.messages().isEmpty()) {
                submit(page.messages(), page.window());
            }
        }
    }

    /**
     * Submits the page and records the outcomes as they come, a slice at a time (a slice is this
     * partition's share of what the providers may have in flight): should this node die, the messages
     * submitted but not recorded, which another node must treat as in doubt, are at most two slices
     * per partition, not a whole page.
     * When a stop is requested, or the batch's send window closes, no further submit starts (judged
     * after the rate limit's wait, just before each submit): the ones in flight are awaited and
     * recorded, and the rest are put back for the resumed step (or for the window to open).
     */
    private void submit(List<ClaimedMessage> page, SendWindow window) throws InterruptedException {
        Map<Long, Set<Integer>> alreadyAccepted = alreadyAccepted(page);
        List<String> routed = new ArrayList<>(route.router().assign(route.sender(), route.tag(),
                page.stream().map(m -> destination(m, alreadyAccepted)).toList()));
        int slice = Math.max(1, route.recordSlice());
        List<CompletableFuture<MessageOutcome>> outcomes = new ArrayList<>(page.size());
        int recorded = 0;
        List<Long> unrouted = new ArrayList<>();
        BooleanSupplier holdBack = () -> signals.stopRequested(route.batchId()) || closed(window) || expired();
        for (int i = 0; i < page.size(); i++) {
            ClaimedMessage message = page.get(i);
            Set<Integer> skipped = alreadyAccepted.getOrDefault(message.id(), Set.of());
            String provider = stillUsable(routed.get(i), message, alreadyAccepted);
            if (consent.optedOutSince(message)) {
                release(provider);
                outcomes.add(suppressed(message));
                continue;
            }
            if (provider == null) {
                unrouted.add(message.id());
                continue;
            }
            // judged once the rate limit lets the message go, right before it goes: the wait may be long
            if (holdBack.getAsBoolean() || !limits.acquire(provider, route.providers().tps(provider), route.batchId(),
                    route.batchTps(), message.segments() - skipped.size(), holdBack)) {
                release(provider);
                routed.subList(i + 1, page.size()).forEach(this::release);
                recorder.release(route.batchId(), route.partitionNo(),
                        page.subList(i, page.size()).stream().map(ClaimedMessage::id).toList());
                break;
            }
            if (consent.optedOutSince(message)) {
                // again after the rate limit's wait, which may be long: the last moment before the submit
                release(provider);
                outcomes.add(suppressed(message));
                continue;
            }
            outcomes.add(send(message, provider, skipped));
            if (outcomes.size() - recorded >= 2 * slice) {
                record(outcomes.subList(recorded, recorded + slice));
                recorded += slice;
            }
        }
        record(outcomes.subList(recorded, outcomes.size()));
        recorder.defer(route.batchId(), route.partitionNo(), unrouted, clock.instant().plus(tuning.backoffAfter(1)));
    }

    private CompletableFuture<MessageOutcome> send(ClaimedMessage message, String provider, Set<Integer> skipped) {
        OutgoingMessage outgoing = new OutgoingMessage(message.id(), route.sender(), message.phone(), message.text(),
                message.encoding(), message.segments(), skipped, route.validUntil());
        Timer latency = latencies.computeIfAbsent(provider, name -> Timer.builder("sms.submit.latency")
                .description("From a submit to its provider's answer").tag("provider", name).register(meters));
        long started = System.nanoTime();
        return route.providers().get(provider).submit(outgoing).thenApply(result -> {
            long took = System.nanoTime() - started;
            latency.record(took, TimeUnit.NANOSECONDS);
            FailureAction action = route.router().record(provider, result, took);
            if (action == FailureAction.THROTTLE) {
                limits.throttled(provider);
            }
            return outcomeOf(message, provider, result, action);
        });
    }

    /** The message's route as the router sees it: pinned to the provider that took some of its parts already. */
    private static Router.Destination destination(ClaimedMessage message, Map<Long, Set<Integer>> alreadyAccepted) {
        String pinned = alreadyAccepted.containsKey(message.id()) ? message.lastProvider() : null;
        return new Router.Destination(message.phone(), message.country(), pinned, message.lastProvider(), message.lastError());
    }

    /**
     * The provider routed to, or, when it stopped taking traffic since the page was routed (its circuit
     * opened, its sessions dropped, an operator disabled it), another one chosen now.
     */
    private String stillUsable(String provider, ClaimedMessage message, Map<Long, Set<Integer>> alreadyAccepted) {
        if (provider == null || route.router().usable(provider)) {
            return provider;
        }
        release(provider);
        return route.router().assign(route.sender(), route.tag(), List.of(destination(message, alreadyAccepted))).get(0);
    }

    private void release(String provider) {
        if (provider != null) {
            route.router().release(provider);
        }
    }

    /** Opted out (on any node) since the page was screened: never submitted. */
    private static CompletableFuture<MessageOutcome> suppressed(ClaimedMessage message) {
        return CompletableFuture.completedFuture(MessageOutcome.suppressed(message.id(), PageScreen.OPTED_OUT));
    }

    /** The batch's validity passed while the page was being sent: the rest goes back, and the next claim suppresses it. */
    private boolean expired() {
        return route.validUntil() != null && !clock.instant().isBefore(route.validUntil());
    }

    /** The batch's send window (in its own zone) closed while the page was being sent: the rest waits for it to open. */
    private boolean closed(SendWindow window) {
        return window != null && !window.recipientLocal() && !window.isOpen(clock.instant(), window.zone());
    }

    private void record(List<CompletableFuture<MessageOutcome>> slice) throws InterruptedException {
        if (!slice.isEmpty()) {
            recorder.record(route.batchId(), route.partitionNo(), slice.stream().map(CompletableFuture::join).toList());
        }
    }

    /** Parts that earlier attempts of retried messages got accepted: a retry sends only the others. */
    private Map<Long, Set<Integer>> alreadyAccepted(List<ClaimedMessage> page) throws InterruptedException {
        Long[] retried = page.stream().filter(m -> m.attempts() > 1).map(ClaimedMessage::id).toArray(Long[]::new);
        if (retried.length == 0) {
            return Map.of();
        }
        return recorder.acceptedParts(route.batchId(), retried).stream()
                .collect(Collectors.groupingBy(DeliveryMapper.PartRef::messageId, Collectors.flatMapping(
                        ref -> IntStream.range(ref.part(), ref.part() + ref.parts()).boxed(), Collectors.toSet())));
    }

    /**
     * The outcome by the failure rules' meaning of the answer: FAIL ends the message; any other failure is
     * a retry while attempts remain (on the same provider or, for SWITCH, on another: the router reads
     * the code it is recorded with).
     */
    private MessageOutcome outcomeOf(ClaimedMessage message, String provider, SubmitResult result, FailureAction action) {
        List<AcceptedPart> accepted = result.acceptedParts();
        String firstId = result.firstMessageId();
        long cost = accepted.size() * route.router().prices().segmentMicros(provider, message.country());
        if (result instanceof SubmitResult.Accepted) {
            return new MessageOutcome(message.id(), MessageStatus.SENT, provider, firstId, null, null, accepted, false, cost);
        }
        String code = result instanceof SubmitResult.Rejected rejected ? rejected.code() : ((SubmitResult.RetryLater) result).code();
        if (action == FailureAction.FAIL) {
            return new MessageOutcome(message.id(), MessageStatus.FAILED, provider, firstId, code, null, accepted, false, cost);
        }
        return later(message, provider, code, firstId, accepted, cost);
    }

    private MessageOutcome later(ClaimedMessage message, String provider, String code, String firstId,
            List<AcceptedPart> accepted, long cost) {
        if (message.attempts() >= tuning.maxAttempts()) {
            return new MessageOutcome(message.id(), MessageStatus.FAILED, provider, firstId,
                    code + " (after " + message.attempts() + " attempts)", null, accepted, true, cost);
        }
        return new MessageOutcome(message.id(), MessageStatus.RETRYING, provider, firstId, code,
                tuning.backoffAfter(message.attempts()).toMillis(), accepted, false, cost);
    }
}
