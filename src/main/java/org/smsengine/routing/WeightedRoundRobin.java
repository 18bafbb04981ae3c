package org.smsengine.routing;

/**
 * Smooth weighted round robin (nginx's): each pick adds every candidate's weight to its current value,
 * takes the largest, and lowers it by the sum of the weights. With weights 5, 1, 1 the order is
 * a a b a c a a: shares exact over every cycle and no long runs. Only candidates that can take traffic
 * take part, so an unavailable provider's share goes to the others in proportion to their weights.
 */
final class WeightedRoundRobin {

    private final int[] weights;
    private final long[] current;

    WeightedRoundRobin(int[] weights) {
        this.weights = weights.clone();
        this.current = new long[weights.length];
    }

    /** The index picked among those {@code usable}, or -1 when none is. */
    synchronized int next(boolean[] usable) {
        long total = 0;
        int best = -1;
        for (int i = 0; i < weights.length; i++) {
            if (!usable[i]) {
                continue;
            }
            current[i] += weights[i];
            total += weights[i];
            if (best < 0 || current[i] > current[best]) {
                best = i;
            }
        }
        if (best >= 0) {
            current[best] -= total;
        }
        return best;
    }
}
