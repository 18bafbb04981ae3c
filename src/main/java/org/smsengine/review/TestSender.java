package org.smsengine.review;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchQueries;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.message.MessageMapper;
import org.smsengine.message.MessageRow;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.Providers;
import org.smsengine.provider.SubmitResult;
import org.smsengine.routing.Router;
import org.smsengine.recipient.PhoneCheck;
import org.smsengine.recipient.PhoneMask;
import org.smsengine.recipient.PhoneNumbers;
import org.smsengine.system.ConflictException;
import org.smsengine.system.FailureText;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Sends the first rendered messages of a prepared batch to seed numbers, so that its maker and its
 * approver see on a handset what recipients will get. Straight to the batch's provider, outside the
 * batch: no message of the batch changes, its counts stay as they are, no receipt is asked for. The
 * audit records who sent what to which (masked) seeds, and what came of it.
 */
@Service
class TestSender {

    /** Prepared and not started: the messages are rendered and nobody has them yet. */
    static final Set<BatchState> TEST_SEND_STATES = EnumSet.of(BatchState.AWAITING_APPROVAL, BatchState.READY,
            BatchState.SCHEDULED);

    private static final Logger log = LoggerFactory.getLogger(TestSender.class);

    private final BatchQueries batches;
    private final MessageMapper messages;
    private final Providers providers;
    private final Router router;
    private final BatchLifecycle lifecycle;
    private final ReviewSettings settings;

    TestSender(BatchQueries batches, MessageMapper messages, Providers providers, Router router, BatchLifecycle lifecycle,
            ReviewSettings settings) {
        this.batches = batches;
        this.messages = messages;
        this.providers = providers;
        this.router = router;
        this.lifecycle = lifecycle;
        this.settings = settings;
    }

    TestSend send(long batchId, List<String> phones, String actor, boolean fullPhones) {
        BatchRow batch = batches.require(batchId);
        List<String> seeds = seeds(phones, batch.region());
        if (!TEST_SEND_STATES.contains(batch.state())) {
            throw new ConflictException("Batch " + batchId + " is " + batch.state() + ": a test-send needs a prepared batch"
                    + " that has not started (" + TEST_SEND_STATES + ")", batch.state().name(), lifecycle.of(batch));
        }
        if (providers.all().isEmpty()) {
            throw new ConflictException("Batch " + batchId + " cannot be test-sent: no provider is configured",
                    batch.state().name(), lifecycle.of(batch));
        }
        List<MessageRow> first = messages.pageAfter(batchId, -1, 0, seeds.size());
        if (first.isEmpty()) {
            throw new ConflictException("Batch " + batchId + " has no message to test-send: every row was rejected",
                    batch.state().name(), lifecycle.of(batch));
        }
        List<TestSend.Seed> results = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            results.add(sendOne(batch, seeds.get(i), first.get(i % first.size())));
        }
        lifecycle.record(batchId, "test_send", actor, summary(results));
        log.info("Batch {}: test-send by {} to {} seed(s): {} sent", batchId, actor, seeds.size(),
                results.stream().filter(r -> r.status().equals("SENT")).count());
        return new TestSend(batchId, fullPhones ? results : results.stream().map(TestSender::masked).toList());
    }

    private List<String> seeds(List<String> phones, String region) {
        if (phones == null || phones.isEmpty()) {
            throw new InvalidInputException(InputError.field("phones", "name at least one seed number"));
        }
        if (phones.size() > settings.maxSeeds()) {
            throw new InvalidInputException(InputError.field("phones", "at most " + settings.maxSeeds()
                    + " seed numbers (sms.review.max-seeds), not " + phones.size()));
        }
        Set<String> seeds = new LinkedHashSet<>();
        List<InputError> errors = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            PhoneCheck check = PhoneNumbers.check(phones.get(i), region);
            if (check instanceof PhoneCheck.Valid valid) {
                seeds.add(valid.e164());
            } else {
                errors.add(InputError.field("phones[" + i + "]", check instanceof PhoneCheck.Invalid invalid
                        ? "not a phone number of region " + region + ": " + invalid.why() : "empty"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The seed numbers are not valid", errors);
        }
        return List.copyOf(seeds);
    }

    /** One seed, through the provider its route gives it now, as the batch's own messages would go. */
    private TestSend.Seed sendOne(BatchRow batch, String phone, MessageRow message) {
        String provider = router.assign(batch.senderId(), batch.tag(), List.of(new Router.Destination(phone, null, null, null, null))).get(0);
        if (provider == null) {
            return seed(phone, message, "FAILED", null, Router.NO_PROVIDER
                    + ": no provider of this number's route can take traffic now");
        }
        OutgoingMessage outgoing = OutgoingMessage.single(message.id(), batch.senderId(), phone, message.text());
        long started = System.nanoTime();
        try {
            SubmitResult result = providers.get(provider).submit(outgoing)
                    .get(settings.testSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            router.record(provider, result, System.nanoTime() - started);
            return result instanceof SubmitResult.Accepted ? seed(phone, message, "SENT", result.firstMessageId(), null)
                    : seed(phone, message, "FAILED", null, result.failure());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            router.release(provider);
            return seed(phone, message, "FAILED", null, "interrupted: the node is stopping");
        } catch (TimeoutException e) {
            router.release(provider);
            return seed(phone, message, "FAILED", null, "no answer from provider " + provider + " within "
                    + settings.testSendTimeout().toSeconds() + " s");
        } catch (ExecutionException | RuntimeException e) {
            router.release(provider);
            log.warn("Test-send of batch {} failed: {}", batch.id(), FailureText.forLog(e));
            return seed(phone, message, "FAILED", null, FailureText.forUsers(e, "batch " + batch.id()));
        }
    }

    private static TestSend.Seed seed(String phone, MessageRow message, String status, String messageId, String error) {
        return new TestSend.Seed(phone, message.rowNo(), message.text(), message.segments(), status, messageId, error);
    }

    private static TestSend.Seed masked(TestSend.Seed seed) {
        return new TestSend.Seed(PhoneMask.mask(seed.phone()), seed.row(), seed.text(), seed.segments(), seed.status(),
                seed.messageId(), seed.error());
    }

    /** The audit's words: every role reads them, so the seeds are masked there. */
    private static String summary(List<TestSend.Seed> results) {
        return results.stream().map(r -> "row " + r.row() + " to " + PhoneMask.mask(r.phone()) + ": " + r.status()
                + (r.error() == null ? "" : " (" + r.error() + ")")).collect(Collectors.joining("; ", "test-send: ", ""));
    }
}
