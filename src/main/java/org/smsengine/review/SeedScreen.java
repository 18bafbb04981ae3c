package org.smsengine.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.SendWindow;
import org.smsengine.delivery.screening.PageScreen;
import org.smsengine.recipient.CountryRule;
import org.smsengine.recipient.PhoneCheck;
import org.smsengine.recipient.RejectReason;
import org.smsengine.recipient.TimeZones;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A seed is screened as a message of its batch would be, by the engine's own checks: the batch's validity
 * and send window (as delivery reads them), its country rule ({@link CountryRule}, as validation applies it),
 * then the opt-out list and the frequency caps ({@link PageScreen}, the statement delivery screens each page
 * with, which takes a seed's slot under the caps as it takes a recipient's, under the batch's id: a seed that
 * is also one of the batch's recipients, or is test-sent again, uses that one slot).
 */
@Component
class SeedScreen {

    static final String SEND_WINDOW_CLOSED = "send_window_closed";

    private final PageScreen screen;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SeedScreen(PageScreen screen, ObjectMapper json, Clock clock, PlatformTransactionManager transactionManager) {
        this.screen = screen;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The seeds that may not be sent the batch's text, each with its reason ("code: why"); the others may. */
    Map<String, String> refusals(BatchRow batch, List<PhoneCheck.Valid> seeds) {
        Instant now = clock.instant();
        CountryRule countries = CountryRule.fromStored(batch.countries());
        SendWindow window = batch.sendWindow() == null ? null : window(batch.sendWindow());
        Map<String, String> refused = new HashMap<>();
        List<String> screened = new ArrayList<>();
        for (PhoneCheck.Valid seed : seeds) {
            String reason = batch.validUntil() != null && !now.isBefore(batch.validUntil().toInstant())
                    ? PageScreen.VALIDITY_PASSED + ": the batch's validity ended at " + batch.validUntil()
                    : window != null ? closed(window, seed, now)
                    : null;
            if (reason == null && !countries.allows(seed.region())) {
                reason = RejectReason.COUNTRY_BLOCKED.code() + ": the batch's country rule does not allow " + seed.region();
            }
            if (reason == null) {
                screened.add(seed.e164());
            } else {
                refused.put(seed.e164(), reason);
            }
        }
        if (!screened.isEmpty()) {
            Map<String, String> held = transaction.execute(status -> screen.screen(batch.id(), batch.senderId(),
                    !batch.transactional(), screened));
            held.forEach((phone, code) -> refused.put(phone, code + ": " + explained(code)));
        }
        return refused;
    }

    /** Why the seed's window is closed now, or null when it is open (in the batch's zone, or the seed's own). */
    private static String closed(SendWindow window, PhoneCheck.Valid seed, Instant now) {
        ZoneId zone = window.recipientLocal() ? ZoneId.of(TimeZones.of(seed.e164())) : window.zone();
        if (window.isOpen(now, zone)) {
            return null;
        }
        return SEND_WINDOW_CLOSED + ": the batch's send window (" + window + ") is closed; it opens at "
                + window.nextOpening(now, zone);
    }

    private static String explained(String code) {
        return switch (code) {
            case PageScreen.OPTED_OUT -> "the number is on the opt-out list";
            case PageScreen.FREQUENCY_CAP -> "the number has had as many messages as the frequency caps allow"
                    + " (sms.consent.screening.frequency-caps)";
            default -> "not to be sent to";
        };
    }

    private SendWindow window(String stored) {
        try {
            return json.readValue(stored, SendWindow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored send window cannot be read: " + stored, e);
        }
    }
}
