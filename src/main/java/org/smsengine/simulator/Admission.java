package org.smsengine.simulator;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whether the simulator takes a submission, the same over SMPP and HTTP: a destination's script
 * first, then the throughput cap (one bucket for both sides), then the configured shares of
 * transient and permanent errors.
 */
final class Admission {

    /** What a submission gets. */
    enum Verdict {
        ACCEPT, THROTTLED, TRANSIENT, REJECTED
    }

    private final SimulatorSettings settings;
    private volatile Bucket cap;
    private final Map<String, Deque<SmscSimulator.Scripted>> scripts = new ConcurrentHashMap<>();

    Admission(SimulatorSettings settings) {
        this.settings = settings;
        this.cap = bucket(settings.maxTps());
    }

    /** Submissions per second from now on, with a burst of a tenth of a second's worth; 0: no cap. */
    void cap(int tps) {
        cap = bucket(tps);
    }

    private static Bucket bucket(int tps) {
        return tps <= 0 ? null : Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(Math.max(1, tps / 10)).refillGreedy(tps, Duration.ofSeconds(1)).build()).build();
    }

    /** @param destination E.164 without + */
    void script(String destination, SmscSimulator.Scripted... answers) {
        scripts.computeIfAbsent(destination, d -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    /**
     * @param destination E.164 without +
     * @param refusing    the simulator refuses everything for now (it is dropping its connections)
     */
    Verdict judge(String destination, boolean refusing) {
        Deque<SmscSimulator.Scripted> script = scripts.get(destination);
        SmscSimulator.Scripted scripted = script == null ? null : script.pollFirst();
        Bucket bucket = cap;
        if (scripted == SmscSimulator.Scripted.THROTTLE || refusing || (bucket != null && !bucket.tryConsume(1))) {
            return Verdict.THROTTLED;
        }
        if (scripted == SmscSimulator.Scripted.REJECT) {
            return Verdict.REJECTED;
        }
        if (scripted == null) {
            double dice = ThreadLocalRandom.current().nextDouble();
            if (dice < settings.permanentErrorRate()) {
                return Verdict.REJECTED;
            }
            if (dice < settings.permanentErrorRate() + settings.transientErrorRate()) {
                return Verdict.TRANSIENT;
            }
        }
        return Verdict.ACCEPT;
    }
}
