package org.smsengine.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.smsengine.batch.BatchRow;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.recipient.PhoneMask;
import org.smsengine.system.ConflictException;
import org.springframework.stereotype.Component;

/**
 * A batch's test-sends are few: at most {@code sms.review.max-test-sends} calls and {@code sms.review.max-seeds}
 * distinct seed numbers over all of them, decided in PostgreSQL ({@link TestSendMapper#take}), so they hold
 * whatever node each call reaches. A call counts, with every seed it names, once it is past its input and the
 * limits, whatever the screening then makes of its seeds: the limits bound what a caller may learn of numbers
 * as well as what is sent.
 */
@Component
class TestSendLimits {

    private final TestSendMapper mapper;
    private final ReviewSettings settings;
    private final BatchLifecycle lifecycle;

    TestSendLimits(TestSendMapper mapper, ReviewSettings settings, BatchLifecycle lifecycle) {
        this.mapper = mapper;
        this.settings = settings;
        this.lifecycle = lifecycle;
    }

    /** Takes a call with its seeds (E.164) from the batch's limits, or refuses it (409) saying which limit it would pass. */
    void take(BatchRow batch, List<String> seeds, boolean fullPhones) {
        if (mapper.take(batch.id(), seeds.toArray(String[]::new), settings.maxTestSends(), settings.maxSeeds()) != null) {
            return;
        }
        int calls = mapper.calls(batch.id());
        if (calls >= settings.maxTestSends()) {
            throw refused(batch, "Batch " + batch.id() + " has had its " + calls + " test-sends: at most "
                    + settings.maxTestSends() + " per batch (sms.review.max-test-sends)");
        }
        List<String> used = mapper.seeds(batch.id());
        Set<String> all = new LinkedHashSet<>(used);
        all.addAll(seeds);
        List<String> shown = new ArrayList<>();
        used.forEach(seed -> shown.add(PhoneMask.shown(seed, fullPhones)));
        throw refused(batch, "Batch " + batch.id() + " may be test-sent to at most " + settings.maxSeeds()
                + " distinct seed numbers (sms.review.max-seeds); this call would make " + all.size()
                + ". It has been test-sent to " + shown + ": name those again");
    }

    private ConflictException refused(BatchRow batch, String message) {
        return new ConflictException(message, batch.state().name(), lifecycle.of(batch));
    }
}
