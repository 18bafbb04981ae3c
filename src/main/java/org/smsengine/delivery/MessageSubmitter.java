package org.smsengine.delivery;

import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.smsengine.batch.SendWindow;
import org.smsengine.consent.PageScreen;
import org.smsengine.message.MessageStatus;
import org.smsengine.pipeline.StepDefinition;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.provider.AcceptedPart;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.SmsProvider;
import org.smsengine.provider.SubmitResult;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/**
 * Submits a chunk of claimed messages and records what became of them. Submissions are paced by
 * the rate limits and go out asynchronously up to the provider's window; once every outcome is in,
 * they are recorded in bulk. A transient failure becomes a retry after a backoff, until the step's
 * maxAttempts; a permanent one, or one after the last attempt, becomes FAILED with its code. Right before
 * each submit, a number that opted out since its page was screened is suppressed instead.
 */
public class MessageSubmitter implements ItemWriter<ClaimedPage> {

    /**
     * Where a batch's messages go: its provider, its sender, its own rate; and how many outcomes
     * this partition records at a time (its share of what the provider may have in flight).
     */
    public record Route(long batchId, int partitionNo, SmsProvider provider, int providerTps, int recordSlice,
            String sender, Integer batchTps, Instant validUntil) {
    }

    private final Route route;
    private final StepDefinition tuning;
    private final RateLimits limits;
    private final DeliveryMapper deliveries;
    private final OutcomeRecorder recorder;
    private final StopSignals signals;
    private final Clock clock;
    private final ConsentGate consent;
    private final Timer latency;

    MessageSubmitter(Route route, StepDefinition tuning, RateLimits limits, DeliveryMapper deliveries,
            OutcomeRecorder recorder, StopSignals signals, Clock clock, ConsentGate consent, Timer latency) {
        this.consent = consent;
        this.latency = latency;
        this.signals = signals;
        this.clock = clock;
        this.route = route;
        this.tuning = tuning;
        this.limits = limits;
        this.deliveries = deliveries;
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
     * partition's share of what the provider may have in flight): should this node die, the messages
     * submitted but not recorded, which another node must treat as in doubt, are at most two slices
     * per partition (twice the provider's in-flight window in all), not a whole page.
     * When a stop is requested, or the batch's send window closes, no further submit starts (judged
     * after the rate limit's wait, just before each submit): the ones in flight are awaited and
     * recorded, and the rest are put back for the resumed step (or for the window to open).
     */
    private void submit(List<ClaimedMessage> page, SendWindow window) throws InterruptedException {
        Map<Long, Set<Integer>> alreadyAccepted = alreadyAccepted(page);
        int slice = Math.max(1, route.recordSlice());
        List<CompletableFuture<MessageOutcome>> outcomes = new ArrayList<>(page.size());
        int recorded = 0;
        BooleanSupplier holdBack = () -> signals.stopRequested(route.batchId()) || closed(window) || expired();
        for (int i = 0; i < page.size(); i++) {
            ClaimedMessage message = page.get(i);
            if (consent.optedOutSince(message)) {
                outcomes.add(suppressed(message));
                continue;
            }
            Set<Integer> skipped = alreadyAccepted.getOrDefault(message.id(), Set.of());
            // judged once the rate limit lets the message go, right before it goes: the wait may be long
            if (holdBack.getAsBoolean() || !limits.acquire(route.provider().name(), route.providerTps(), route.batchId(),
                    route.batchTps(), message.segments() - skipped.size(), holdBack)) {
                recorder.release(route.batchId(), route.partitionNo(),
                        page.subList(i, page.size()).stream().map(ClaimedMessage::id).toList());
                break;
            }
            if (consent.optedOutSince(message)) {
                // again after the rate limit's wait, which may be long: the last moment before the submit
                outcomes.add(suppressed(message));
                continue;
            }
            OutgoingMessage outgoing = new OutgoingMessage(message.id(), route.sender(), message.phone(), message.text(),
                    message.encoding(), message.segments(), skipped, route.validUntil());
            long started = System.nanoTime();
            outcomes.add(route.provider().submit(outgoing).thenApply(result -> {
                latency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return outcomeOf(message, result);
            }));
            if (outcomes.size() - recorded >= 2 * slice) {
                record(outcomes.subList(recorded, recorded + slice));
                recorded += slice;
            }
        }
        record(outcomes.subList(recorded, outcomes.size()));
    }

    /** Opted out (on any node) since the page was screened: never submitted. */
    private static CompletableFuture<MessageOutcome> suppressed(ClaimedMessage message) {
        return CompletableFuture.completedFuture(new MessageOutcome(message.id(), MessageStatus.SUPPRESSED, null,
                PageScreen.OPTED_OUT, null, List.of()));
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
            recorder.record(route.batchId(), route.partitionNo(), route.provider().name(),
                    slice.stream().map(CompletableFuture::join).toList());
        }
    }

    /** Parts that earlier attempts of retried messages got accepted: a retry sends only the others. */
    private Map<Long, Set<Integer>> alreadyAccepted(List<ClaimedMessage> page) {
        Long[] retried = page.stream().filter(m -> m.attempts() > 1).map(ClaimedMessage::id).toArray(Long[]::new);
        if (retried.length == 0) {
            return Map.of();
        }
        return deliveries.acceptedParts(route.batchId(), retried).stream()
                .collect(Collectors.groupingBy(DeliveryMapper.PartRef::messageId, Collectors.flatMapping(
                        ref -> IntStream.range(ref.part(), ref.part() + ref.parts()).boxed(), Collectors.toSet())));
    }

    private MessageOutcome outcomeOf(ClaimedMessage message, SubmitResult result) {
        List<AcceptedPart> accepted = result.acceptedParts();
        String firstId = accepted.isEmpty() ? null : accepted.get(0).providerMessageId();
        if (result instanceof SubmitResult.Accepted) {
            return new MessageOutcome(message.id(), MessageStatus.SENT, firstId, null, null, accepted);
        }
        if (result instanceof SubmitResult.Rejected rejected) {
            return new MessageOutcome(message.id(), MessageStatus.FAILED, firstId, rejected.code(), null, accepted);
        }
        SubmitResult.RetryLater later = (SubmitResult.RetryLater) result;
        if (message.attempts() >= tuning.maxAttempts()) {
            return new MessageOutcome(message.id(), MessageStatus.FAILED, firstId,
                    later.code() + " (after " + message.attempts() + " attempts)", null, accepted, true);
        }
        return new MessageOutcome(message.id(), MessageStatus.RETRYING, firstId, later.code(),
                tuning.backoffAfter(message.attempts()).toMillis(), accepted);
    }
}
