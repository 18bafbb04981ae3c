package org.smsengine.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SimulatorAccountingTest {

    private static final ReceivedPart PART = new ReceivedPart("12015550123", "SHOP", 0, 0, new byte[0], "m1", null);

    @Test
    void theBusiestWindowIsFoundAsTheStepByStepSumWouldFindIt() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            SimulatorAccounting accounting = new SimulatorAccounting(false, 0);
            TreeMap<Long, Integer> ticks = new TreeMap<>();
            long base = 1_700_000_000_000L;
            for (int i = 0, n = random.nextInt(60); i < n; i++) {
                long at = base + random.nextInt(5_000);
                accounting.accepted(PART, at);
                ticks.merge(at / 10, 1, Integer::sum);
            }
            long from = base + random.nextInt(2_000) - 500;
            long to = from + random.nextInt(4_000);
            long window = 10 + random.nextInt(1_500);
            assertThat(accounting.maxInWindow(from, to, window)).as("round %d", round)
                    .isEqualTo(stepByStep(ticks, from, to, window));
        }
    }

    @Test
    @Timeout(5)
    void aRangeOfCenturiesIsAnsweredAtOnce() {
        SimulatorAccounting accounting = new SimulatorAccounting(false, 0);
        long now = System.currentTimeMillis() / 1000 * 1000;
        for (int i = 0; i < 1_000; i++) {
            accounting.accepted(PART, now + i);
        }
        assertThat(accounting.maxInWindow(0, Long.MAX_VALUE / 2, 1000)).isEqualTo(1_000);
        assertThat(accounting.maxInWindow(now, now + Duration.ofDays(365 * 300).toMillis(), 1)).isEqualTo(10);
    }

    @Test
    void aRangeShorterThanTheWindowHasNoWindow() {
        SimulatorAccounting accounting = new SimulatorAccounting(false, 0);
        accounting.accepted(PART, 1_000_000);
        assertThat(accounting.maxInWindow(1_000_000, 1_000_500, 1000)).isZero();
        assertThat(accounting.maxInWindow(1_000_000, 1_000_990, 1000)).isEqualTo(1);
    }

    /** The definition: every window of {@code windowMillis / 10} ticks starting at each tick from {@code from}. */
    private static long stepByStep(TreeMap<Long, Integer> ticks, long from, long to, long windowMillis) {
        long steps = windowMillis / 10;
        long max = 0;
        for (long start = from / 10; start + steps <= to / 10 + 1; start++) {
            max = Math.max(max, ticks.subMap(start, start + steps).values().stream().mapToLong(Integer::longValue).sum());
        }
        return max;
    }
}
