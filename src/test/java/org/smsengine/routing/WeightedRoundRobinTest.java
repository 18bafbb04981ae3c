package org.smsengine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedRoundRobinTest {

    @Test
    void spreadsPicksSmoothlyAndExactlyByWeight() {
        WeightedRoundRobin rotation = new WeightedRoundRobin(new int[] {5, 1, 1});
        boolean[] all = {true, true, true};
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            picks.add(rotation.next(all));
        }
        assertThat(picks).containsExactly(0, 0, 1, 0, 2, 0, 0);
    }

    @Test
    void keepsSharesWithinAPickOverTenThousand() {
        WeightedRoundRobin rotation = new WeightedRoundRobin(new int[] {70, 20, 10});
        int[] counts = new int[3];
        for (int i = 0; i < 10_000; i++) {
            counts[rotation.next(new boolean[] {true, true, true})]++;
        }
        assertThat(counts).containsExactly(7_000, 2_000, 1_000);
    }

    @Test
    void givesAnUnusableProvidersShareToTheOthersInProportion() {
        WeightedRoundRobin rotation = new WeightedRoundRobin(new int[] {2, 1, 1});
        int[] counts = new int[3];
        for (int i = 0; i < 3_000; i++) {
            counts[rotation.next(new boolean[] {true, false, true})]++;
        }
        assertThat(counts).containsExactly(2_000, 0, 1_000);
    }

    @Test
    void picksNothingWhenNoProviderIsUsable() {
        assertThat(new WeightedRoundRobin(new int[] {1, 1}).next(new boolean[] {false, false})).isEqualTo(-1);
    }
}
