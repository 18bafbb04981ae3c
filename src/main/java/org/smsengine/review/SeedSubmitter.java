package org.smsengine.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchRow;
import org.smsengine.delivery.ratelimit.RateLimits;
import org.smsengine.message.MessageRow;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.Providers;
import org.smsengine.provider.SubmitResult;
import org.smsengine.recipient.PhoneCheck;
import org.smsengine.routing.FailureAction;
import org.smsengine.routing.Prices;
import org.smsengine.routing.Router;
import org.smsengine.system.FailureText;
import org.springframework.stereotype.Component;

/**
 * One screened seed, sent as the batch's own messages are: through the provider its route gives it now,
 * within the batch's budget (its cost so far and this call's), with tokens from the provider's and the
 * batch's rate limits ({@link RateLimits}, shared by the cluster), its answer recorded for the router's
 * health and throttling. What the provider accepted is what it costs.
 */
@Component
class SeedSubmitter {

    static final String BUDGET_REACHED = "budget_reached";
    static final String RATE_LIMITED = "rate_limited";

    private static final Logger log = LoggerFactory.getLogger(SeedSubmitter.class);

    private final Providers providers;
    private final Router router;
    private final RateLimits rates;
    private final ReviewSettings settings;

    SeedSubmitter(Providers providers, Router router, RateLimits rates, ReviewSettings settings) {
        this.providers = providers;
        this.router = router;
        this.rates = rates;
        this.settings = settings;
    }

    /** What a call's seeds cost, in millionths, against the batch's cost and budget as the call found them. */
    static final class Spending {
        private final BigDecimal cost;
        private final BigDecimal budget;
        private long micros;

        private Spending(BigDecimal cost, BigDecimal budget) {
            this.cost = cost == null ? BigDecimal.ZERO : cost;
            this.budget = budget;
        }

        long micros() {
            return micros;
        }

        private boolean allows(long more) {
            return budget == null || cost.add(Prices.amount(micros + more)).compareTo(budget) <= 0;
        }
    }

    Spending spending(BatchRow batch) {
        return new Spending(batch.cost(), batch.budget());
    }

    TestSend.Seed send(BatchRow batch, PhoneCheck.Valid seed, MessageRow message, Spending spending) {
        String phone = seed.e164();
        String provider = router.assign(batch.senderId(), batch.tag(),
                List.of(new Router.Destination(phone, seed.region(), null, null, null))).get(0);
        if (provider == null) {
            return seed(phone, message, TestSend.Status.FAILED, null, Router.NO_PROVIDER
                    + ": no provider of this number's route can take traffic now");
        }
        OutgoingMessage outgoing = OutgoingMessage.single(message.id(), batch.senderId(), phone, message.text());
        long segmentPrice = router.prices().segmentMicros(provider, seed.region());
        if (!spending.allows(segmentPrice * outgoing.segments())) {
            router.release(provider);
            return seed(phone, message, TestSend.Status.REFUSED, null, BUDGET_REACHED + ": its " + outgoing.segments()
                    + " segment(s) on " + provider + " would take the batch's cost past its budget of "
                    + spending.budget.toPlainString() + " " + router.prices().currency());
        }
        try {
            if (!rates.acquireWithin(provider, batch.id(), batch.tps(), outgoing.segments(), settings.testSendTimeout())) {
                router.release(provider);
                return seed(phone, message, TestSend.Status.REFUSED, null, RATE_LIMITED + ": the rate limits of provider "
                        + provider + (batch.tps() == null ? "" : " and of the batch") + " had no room within "
                        + settings.testSendTimeout().toSeconds() + " s");
            }
            return submitted(batch, provider, outgoing, message, segmentPrice, spending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            router.release(provider);
            return seed(phone, message, TestSend.Status.FAILED, null, "interrupted: the node is stopping");
        }
    }

    private TestSend.Seed submitted(BatchRow batch, String provider, OutgoingMessage outgoing, MessageRow message,
            long segmentPrice, Spending spending) throws InterruptedException {
        String phone = outgoing.destination();
        long started = System.nanoTime();
        try {
            SubmitResult result = providers.get(provider).submit(outgoing)
                    .get(settings.testSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (router.record(provider, result, System.nanoTime() - started) == FailureAction.THROTTLE) {
                rates.throttled(provider);
            }
            spending.micros += result.acceptedParts().size() * segmentPrice;
            return result instanceof SubmitResult.Accepted
                    ? seed(phone, message, TestSend.Status.SENT, result.firstMessageId(), null)
                    : seed(phone, message, TestSend.Status.FAILED, null, result.failure());
        } catch (TimeoutException e) {
            router.release(provider);
            return seed(phone, message, TestSend.Status.FAILED, null, "no answer from provider " + provider + " within "
                    + settings.testSendTimeout().toSeconds() + " s");
        } catch (ExecutionException | RuntimeException e) {
            router.release(provider);
            log.warn("Test-send of batch {} failed: {}", batch.id(), FailureText.forLog(e));
            return seed(phone, message, TestSend.Status.FAILED, null, FailureText.forUsers(e, "batch " + batch.id()));
        }
    }

    static TestSend.Seed seed(String phone, MessageRow message, TestSend.Status status, String messageId, String error) {
        return new TestSend.Seed(phone, message.rowNo(), message.text(), message.segments(), status, messageId, error);
    }
}
