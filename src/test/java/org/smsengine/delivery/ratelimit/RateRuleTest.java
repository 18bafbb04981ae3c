package org.smsengine.delivery.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The arithmetic of the shared limits: buckets, leases, the overshoot bound, and AIMD. */
class RateRuleTest {

    private static final LimitSettings SETTINGS = new LimitSettings(0.02, 0.01, Duration.ofMillis(500), 3, Duration.ofSeconds(5),
            Duration.ofMillis(250), 0.75, Duration.ofSeconds(2), 0.05, Duration.ofSeconds(1), 0.1, Duration.ofSeconds(30),
            Duration.ofSeconds(5), Duration.ofSeconds(1));
    private static final RateRule RULE = SETTINGS.rule(10);

    @Test
    void twoNodesLeasingFromOneBucketStayWithinFivePercentInTheWorstSecond() {
        for (int tps : new int[] {100, 200, 500, 1000, 5000, 12_000}) {
            assertThat(RULE.worstSecond(tps, 2)).as("worst second at %d TPS", tps).isLessThanOrEqualTo((long) (tps * 1.05));
        }
    }

    @Test
    void aLeaseIsAHundredthOfASecondButCoversALongMessageUpToTheCapacity() {
        assertThat(RULE.capacity(500)).isEqualTo(10);
        assertThat(RULE.leaseFor(500, 1)).isEqualTo(5);
        assertThat(RULE.leaseFor(500, 8)).isEqualTo(8);
        assertThat(RULE.leaseFor(500, 30)).as("never above what the bucket holds").isEqualTo(10);
        assertThat(RULE.leaseFor(20, 1)).as("at least one token").isEqualTo(1);
        assertThat(RULE.capacity(20)).isEqualTo(1);
    }

    @Test
    void throttlingLowersTheRateByAQuarterDownToTheFloor() {
        int rate = 200;
        rate = RULE.decreased(rate, 200);
        assertThat(rate).isEqualTo(150);
        for (int i = 0; i < 20; i++) {
            rate = RULE.decreased(rate, 200);
        }
        assertThat(rate).as("a tenth of 200").isEqualTo(20);
        assertThat(RULE.floor(50)).as("not below the largest message's parts").isEqualTo(10);
        assertThat(RULE.floor(5)).as("nor above the configured rate").isEqualTo(5);
    }

    @Test
    void withoutThrottlingTheRateClimbsBackByAStepUpToTheConfiguredOne() {
        assertThat(RULE.step(200)).isEqualTo(10);
        assertThat(RULE.increased(150, 200)).isEqualTo(160);
        assertThat(RULE.increased(195, 200)).isEqualTo(200);
        assertThat(RULE.step(10)).as("at least one").isEqualTo(1);
    }

    @Test
    void withoutRedisEachNodeTakesItsShare() {
        assertThat(RULE.share(500, 2)).isEqualTo(250);
        assertThat(RULE.share(500, 0)).isEqualTo(500);
        assertThat(RULE.share(3, 4)).isEqualTo(1);
    }

    @Test
    void aloneANodeLowersOncePerCooldownAndRisesOnlyAfterIt() {
        ProviderRate rate = new ProviderRate("p", 200, RULE, SETTINGS);
        long t = 0;
        assertThat(rate.stepAlone(true, t)).isTrue();
        assertThat(rate.current()).isEqualTo(150);
        assertThat(rate.stepAlone(true, t += ms(500))).as("within the cooldown").isFalse();
        assertThat(rate.stepAlone(false, t += ms(1000))).as("throttled 1 s ago: no increase yet").isFalse();
        assertThat(rate.stepAlone(false, t += ms(1000))).isTrue();
        assertThat(rate.current()).isEqualTo(160);
        assertThat(rate.stepAlone(false, t += ms(500))).as("one step per second").isFalse();
        for (int i = 0; i < 10; i++) {
            rate.stepAlone(false, t += ms(1000));
        }
        assertThat(rate.current()).isEqualTo(200);
        assertThat(rate.state().version()).as("every change is a new version").isEqualTo(6);
    }

    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
