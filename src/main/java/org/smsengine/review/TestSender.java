package org.smsengine.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchQueries;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.CounterSlots;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.message.MessageMapper;
import org.smsengine.message.MessageRow;
import org.smsengine.provider.Providers;
import org.smsengine.recipient.PhoneCheck;
import org.smsengine.recipient.PhoneMask;
import org.smsengine.recipient.PhoneNumbers;
import org.smsengine.routing.Prices;
import org.smsengine.system.ConflictException;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.smsengine.system.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Sends the first rendered messages of a prepared batch to seed numbers, so that its approver (or an
 * admin) sees on a handset what recipients will get. Each seed goes through what a message of the batch
 * goes through, but outside the batch: the screening ({@link SeedScreen}), its route, its budget and
 * its rate limits ({@link SeedSubmitter}). No message of the batch changes and its message counts stay
 * as they are; what the seeds' messages cost is added to its cost. Every call the limits let through
 * ({@link TestSendLimits}) is in the audit: who, which (masked) seeds, what came of each.
 *
 * <p>Seeds that may not be sent are reported with their reason beside those sent; when none may be,
 * the call is a 400 naming each.
 */
@Service
class TestSender {

    private static final Logger log = LoggerFactory.getLogger(TestSender.class);

    /** A seed as the caller named it: its position in {@code phones} (for the errors) and its number. */
    private record Named(int index, PhoneCheck.Valid number) {
    }

    private final BatchQueries batches;
    private final BatchMapper counters;
    private final MessageMapper messages;
    private final Providers providers;
    private final BatchLifecycle lifecycle;
    private final TestSendLimits limits;
    private final SeedScreen screen;
    private final SeedSubmitter submitter;
    private final ReviewSettings settings;

    TestSender(BatchQueries batches, BatchMapper counters, MessageMapper messages, Providers providers,
            BatchLifecycle lifecycle, TestSendLimits limits, SeedScreen screen, SeedSubmitter submitter,
            ReviewSettings settings) {
        this.batches = batches;
        this.counters = counters;
        this.messages = messages;
        this.providers = providers;
        this.lifecycle = lifecycle;
        this.limits = limits;
        this.screen = screen;
        this.submitter = submitter;
        this.settings = settings;
    }

    TestSend send(long batchId, List<String> phones, Authentication user) {
        BatchRow batch = batches.require(batchId);
        TestSendRights.check(batch, user, () -> lifecycle.of(batch));
        List<Named> seeds = seeds(phones, batch.region());
        if (providers.all().isEmpty()) {
            throw conflict(batch, "Batch " + batchId + " cannot be test-sent: no provider is configured");
        }
        List<MessageRow> first = messages.pageAfter(batchId, -1, 0, seeds.size());
        if (first.isEmpty()) {
            throw conflict(batch, "Batch " + batchId + " has no message to test-send: every row was rejected");
        }
        boolean fullPhones = Role.seesFullPhones(user);
        limits.take(batch, seeds.stream().map(s -> s.number().e164()).toList(), fullPhones);

        Map<String, String> refused = screen.refusals(batch, seeds.stream().map(Named::number).toList());
        SeedSubmitter.Spending spending = submitter.spending(batch);
        List<TestSend.Seed> results = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            PhoneCheck.Valid seed = seeds.get(i).number();
            MessageRow message = first.get(i % first.size());
            String reason = refused.get(seed.e164());
            results.add(reason != null ? SeedSubmitter.seed(seed.e164(), message, TestSend.Status.REFUSED, null, reason)
                    : submitter.send(batch, seed, message, spending));
        }
        if (spending.micros() > 0) {
            counters.addCounts(batchId, CounterSlots.TEST_SENDS, BatchCounts.NONE, 0, 0, Prices.amount(spending.micros()));
        }
        lifecycle.record(batchId, "test_send", user.getName(), summary(results));
        log.info("Batch {}: test-send by {} to {} seed(s): {} sent, cost {}", batchId, user.getName(), seeds.size(),
                results.stream().filter(r -> r.status() == TestSend.Status.SENT).count(), Prices.amount(spending.micros()));
        if (results.stream().allMatch(r -> r.status() == TestSend.Status.REFUSED)) {
            List<InputError> errors = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                errors.add(InputError.field("phones[" + seeds.get(i).index() + "]", results.get(i).error()));
            }
            throw new InvalidInputException("None of the seed numbers may be sent the batch's text", errors);
        }
        return new TestSend(batchId, fullPhones ? results : results.stream().map(TestSender::masked).toList());
    }

    /** The seeds named, each once (at its first place), as valid numbers of the batch's region; or a 400 naming the bad ones. */
    private List<Named> seeds(List<String> phones, String region) {
        if (phones == null || phones.isEmpty()) {
            throw new InvalidInputException(InputError.field("phones", "name at least one seed number"));
        }
        if (phones.size() > settings.maxSeeds()) {
            throw new InvalidInputException(InputError.field("phones", "at most " + settings.maxSeeds()
                    + " seed numbers (sms.review.max-seeds), not " + phones.size()));
        }
        Map<String, Named> seeds = new LinkedHashMap<>();
        List<InputError> errors = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            PhoneCheck check = PhoneNumbers.check(phones.get(i), region);
            if (check instanceof PhoneCheck.Valid valid) {
                seeds.putIfAbsent(valid.e164(), new Named(i, valid));
            } else {
                errors.add(InputError.field("phones[" + i + "]", check instanceof PhoneCheck.Invalid invalid
                        ? "not a phone number of region " + region + ": " + invalid.why() : "empty"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The seed numbers are not valid", errors);
        }
        return List.copyOf(seeds.values());
    }

    private ConflictException conflict(BatchRow batch, String message) {
        return new ConflictException(message, batch.state().name(), lifecycle.of(batch));
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
