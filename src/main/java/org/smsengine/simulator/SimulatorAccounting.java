package org.smsengine.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator accepted: in total, per destination (the proof that nothing was sent twice),
 * per wall-clock second (the proof that a rate cap held), and, when asked, the content of the last
 * parts. Counts only {@code submit_sm} it answered OK. It also counts the STOP replies it sent
 * ({@code stop-reply-rate}) and keeps who sent them and when, the first {@link #STOP_REPLIES_KEPT}:
 * enough for a benchmark's opt-outs, bounded for a run of millions.
 */
public final class SimulatorAccounting {

    /** STOP replies whose number and time are kept; the count goes on beyond it. */
    public static final int STOP_REPLIES_KEPT = 100_000;

    /** A STOP the simulator sent from a recipient ({@code number}, E.164 with +) to a sender. */
    public record StopReply(String number, String to, long epochMillis) {
    }

    private final boolean perDestination;
    private final int recordLimit;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong receipts = new AtomicLong();
    private final Map<String, AtomicLong> receiptsByState = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byDestination = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> byMillisecondTen = new ConcurrentHashMap<>();
    private final Deque<ReceivedPart> recorded = new ArrayDeque<>();
    private final AtomicLong stopReplies = new AtomicLong();
    private final List<StopReply> stopRepliesKept = new ArrayList<>();

    SimulatorAccounting(boolean perDestination, int recordLimit) {
        this.perDestination = perDestination;
        this.recordLimit = recordLimit;
    }

    void accepted(ReceivedPart part, long epochMillis) {
        accepted.incrementAndGet();
        byMillisecondTen.computeIfAbsent(epochMillis / 10, t -> new AtomicInteger()).incrementAndGet();
        if (perDestination) {
            byDestination.computeIfAbsent(part.destination(), d -> new AtomicInteger()).incrementAndGet();
        }
        if (recordLimit > 0) {
            synchronized (recorded) {
                recorded.addLast(part);
                if (recorded.size() > recordLimit) {
                    recorded.removeFirst();
                }
            }
        }
    }

    void countRefusal() {
        refused.incrementAndGet();
    }

    /** @param state the state it reported, as its text names it ({@code DELIVRD}, {@code UNDELIV}, ...) */
    void receiptSent(String state) {
        receipts.incrementAndGet();
        receiptsByState.computeIfAbsent(state, s -> new AtomicLong()).incrementAndGet();
    }

    void stopReplySent(StopReply reply) {
        stopReplies.incrementAndGet();
        synchronized (stopRepliesKept) {
            if (stopRepliesKept.size() < STOP_REPLIES_KEPT) {
                stopRepliesKept.add(reply);
            }
        }
    }

    public long stopRepliesSent() {
        return stopReplies.get();
    }

    /** The STOP replies sent, in order, the first {@link #STOP_REPLIES_KEPT} of them. */
    public List<StopReply> stopReplies() {
        synchronized (stopRepliesKept) {
            return List.copyOf(stopRepliesKept);
        }
    }

    public long accepted() {
        return accepted.get();
    }

    public long refused() {
        return refused.get();
    }

    public long receiptsSent() {
        return receipts.get();
    }

    /** Receipts sent (and answered) by the state they reported: {@code DELIVRD}, {@code UNDELIV}, {@code EXPIRED}, ... */
    public Map<String, Long> receiptsSentByState() {
        Map<String, Long> copy = new TreeMap<>();
        receiptsByState.forEach((state, count) -> copy.put(state, count.get()));
        return copy;
    }

    /** Accepted {@code submit_sm} for a destination (E.164 without +, as it travels). */
    public int acceptedFor(String destination) {
        AtomicInteger count = byDestination.get(destination.startsWith("+") ? destination.substring(1) : destination);
        return count == null ? 0 : count.get();
    }

    /** Destinations that got more than one {@code submit_sm}: double sends, when every message is one part. */
    public long destinationsWithMoreThanOne() {
        return byDestination.values().stream().filter(count -> count.get() > 1).count();
    }

    public Map<String, Integer> acceptedByDestination() {
        Map<String, Integer> copy = new TreeMap<>();
        byDestination.forEach((destination, count) -> copy.put(destination, count.get()));
        return copy;
    }

    /**
     * The most {@code submit_sm} accepted in any window of {@code windowMillis} (sliding in steps of
     * 10 ms) between {@code fromMillis} and {@code toMillis}. Linear in the ticks held, whatever the
     * range: the window slides over the occupied ticks, never over every 10 ms step between the two.
     */
    public long maxInWindow(long fromMillis, long toMillis, long windowMillis) {
        long steps = Math.max(1, windowMillis / 10);
        long first = fromMillis / 10;
        long lastStart = toMillis / 10 + 1 - steps;     // the last window ends with the tick of toMillis
        if (lastStart < first) {
            return 0;
        }
        TreeMap<Long, Integer> held = new TreeMap<>();
        byMillisecondTen.forEach((tick, count) -> held.put(tick, count.get()));
        List<Map.Entry<Long, Integer>> ticks = List.copyOf(held.subMap(first, true, toMillis / 10, true).entrySet());
        // The busiest window may be taken to start at an occupied tick, or, past the last start, at the last start
        // itself (which covers everything a later window would): two pointers, each moving forward only.
        long max = 0;
        long sum = 0;
        int end = 0;
        for (int start = 0; start < ticks.size(); start++) {
            long windowStart = Math.min(ticks.get(start).getKey(), lastStart);
            while (end < ticks.size() && ticks.get(end).getKey() < windowStart + steps) {
                sum += ticks.get(end++).getValue();
            }
            max = Math.max(max, sum);
            if (windowStart == lastStart) {
                break;
            }
            sum -= ticks.get(start).getValue();
        }
        return max;
    }

    /** When the last {@code submit_sm} at or after {@code fromMillis} was accepted (to 10 ms), or 0 if none was. */
    public long lastAcceptedAfter(long fromMillis) {
        return byMillisecondTen.keySet().stream().filter(tick -> tick >= fromMillis / 10)
                .mapToLong(tick -> tick * 10 + 9).max().orElse(0);
    }

    /** Accepted between the two instants (epoch milliseconds, from inclusive, to exclusive). */
    public long acceptedBetween(long fromMillis, long toMillis) {
        return byMillisecondTen.entrySet().stream()
                .filter(e -> e.getKey() >= fromMillis / 10 && e.getKey() < toMillis / 10)
                .mapToLong(e -> e.getValue().get()).sum();
    }

    public List<ReceivedPart> recordedParts() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** Forgets everything (between tests). */
    public void reset() {
        accepted.set(0);
        refused.set(0);
        receipts.set(0);
        receiptsByState.clear();
        stopReplies.set(0);
        synchronized (stopRepliesKept) {
            stopRepliesKept.clear();
        }
        byDestination.clear();
        byMillisecondTen.clear();
        synchronized (recorded) {
            recorded.clear();
        }
    }
}
