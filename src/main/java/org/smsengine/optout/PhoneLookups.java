package org.smsengine.optout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.recipient.PhoneMask;
import org.smsengine.system.LogText;
import org.smsengine.system.Role;
import org.smsengine.system.TooManyRequestsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Lookups by whole phone number ("is this number on the list?") by users who see phones masked: each
 * answer confirms or denies one number, so a user who may look up without end unmasks any number a
 * mask shows. Below ADMIN, at most {@code sms.security.phone-lookups.limit} per user in any
 * {@code per}, counted cluster-wide from the audit rows themselves in PostgreSQL (no Redis needed);
 * each lookup is recorded there and logged (the number masked in the log), a refusal is a 429.
 */
@Component
public class PhoneLookups {

    private static final Logger log = LoggerFactory.getLogger(PhoneLookups.class);

    private final PhoneLookupMapper store;
    private final PhoneLookupSettings settings;
    private final Clock clock;
    private final Counter allowed;
    private final Counter refused;

    PhoneLookups(PhoneLookupMapper store, PhoneLookupSettings settings, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.allowed = lookups(meters, "allowed");
        this.refused = lookups(meters, "refused");
    }

    private static Counter lookups(MeterRegistry meters, String outcome) {
        return Counter.builder("sms.phone.lookups").tag("outcome", outcome)
                .description("Lookups of a whole phone number by users who see phones masked").register(meters);
    }

    /**
     * A lookup of {@code phone} (as given, normalised) by {@code user} through {@code endpoint}: recorded
     * and allowed, or refused with {@link TooManyRequestsException}. ADMIN's are neither.
     */
    public void lookUp(Authentication user, String endpoint, String phone) {
        if (Role.seesFullPhones(user)) {
            return;
        }
        Instant now = clock.instant();
        Instant since = now.minus(settings.per());
        String name = user.getName();
        if (store.recordIfUnder(name, endpoint, phone, now, since, settings.limit()) == 1) {
            allowed.increment();
            log.info("Phone lookup by '{}': {} {}", LogText.escape(name), endpoint, PhoneMask.mask(phone));
            return;
        }
        refused.increment();
        Instant oldest = store.oldestSince(name, since);
        Duration wait = oldest == null ? settings.per() : Duration.between(now, oldest.plus(settings.per()));
        log.warn("Phone lookup refused to '{}' ({} in {} already): {} {}", LogText.escape(name), settings.limit(),
                settings.per(), endpoint, PhoneMask.mask(phone));
        throw new TooManyRequestsException("You may look up " + settings.limit() + " phone numbers in " + settings.per()
                + "; try again in " + Math.max(1, wait.toSeconds()) + " s", wait);
    }
}
