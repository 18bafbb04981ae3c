package org.smsengine.bench;

import java.util.List;

/**
 * The engines' CPU per message in the middle of a batch's delivery, away from its start (partitions
 * spreading, sessions filling their windows, code still being compiled) and its tail (the last
 * partitions running alone, receipts trickling in): all the nodes' CPU time (user and system, from
 * /proc) is read when the simulator's accepted count since {@link #start} crosses {@link #FROM} of
 * the batch's rows, and again when it crosses {@link #TO}, and the difference is divided by the
 * submissions accepted between the two readings. The simulator is polled every {@link #POLL_MILLIS}
 * from the benchmark's own JVM, so the polling is no engine's cost. Receipts of messages accepted
 * before the window that come in during it are counted in it, as those of the last ones are not:
 * at a steady rate the two even out.
 */
final class SteadyWindow implements AutoCloseable {

    static final double FROM = 0.25;
    static final double TO = 0.75;
    private static final long POLL_MILLIS = 20;

    /** One reading: when, the submissions accepted since the start, all the nodes' CPU time and JIT compilers' time so far (ms). */
    record Sample(long nanos, long accepted, long cpuMillis, long jitMillis) {
    }

    /**
     * The window's figures; {@code messages} 0 when the batch never crossed both marks. {@code jitMillis}: the part
     * of {@code cpuMillis} the nodes' JIT compiler threads used.
     */
    record Result(long messages, double seconds, long cpuMillis, long jitMillis) {

        double microsPerMessage() {
            return messages == 0 ? Double.NaN : cpuMillis * 1000.0 / messages;
        }

        /** CPU per message less the JIT compilers' (code still being compiled is still slower than it will be). */
        double microsPerMessageLessJit() {
            return messages == 0 ? Double.NaN : (cpuMillis - Math.max(0, jitMillis)) * 1000.0 / messages;
        }

        double rate() {
            return messages / Math.max(seconds, 1e-3);
        }
    }

    private final Thread poller;
    private volatile Sample first;
    private volatile Sample last;
    private volatile Exception failure;

    private SteadyWindow(SimulatorProcess simulator, List<EngineProcess> engines, long rows) throws Exception {
        long before = simulator.count().accepted();
        long from = (long) Math.ceil(rows * FROM);
        long to = (long) Math.ceil(rows * TO);
        poller = new Thread(() -> {
            try {
                while (last == null && !Thread.currentThread().isInterrupted()) {
                    long accepted = simulator.count().accepted() - before;
                    if (first == null && accepted >= from) {
                        first = new Sample(System.nanoTime(), accepted, cpu(engines), jit(engines));
                    } else if (first != null && accepted >= to) {
                        last = new Sample(System.nanoTime(), accepted, cpu(engines), jit(engines));
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure = e;
            }
        }, "bench-steady-window");
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts watching a batch of {@code rows} whose delivery starts now on {@code engines}. */
    static SteadyWindow start(SimulatorProcess simulator, List<EngineProcess> engines, long rows) throws Exception {
        return new SteadyWindow(simulator, engines, rows);
    }

    /** The window as measured (call after {@link #close}). */
    Result result() {
        Sample a = first;
        Sample b = last;
        if (a == null || b == null) {
            return new Result(0, 0, 0, 0);
        }
        return new Result(b.accepted() - a.accepted(), (b.nanos() - a.nanos()) / 1e9, b.cpuMillis() - a.cpuMillis(),
                b.jitMillis() - a.jitMillis());
    }

    /** Why the window could not be measured, or null. */
    Exception failure() {
        return failure;
    }

    /** All the nodes' CPU time so far (ms). */
    static long cpu(List<EngineProcess> engines) {
        return engines.stream().mapToLong(EngineProcess::cpuMillis).sum();
    }

    /** All the nodes' JIT compiler threads' CPU time so far (ms). */
    static long jit(List<EngineProcess> engines) {
        return engines.stream().mapToLong(EngineProcess::jitMillis).sum();
    }

    @Override
    public void close() throws InterruptedException {
        poller.interrupt();
        poller.join(5_000);
    }
}
