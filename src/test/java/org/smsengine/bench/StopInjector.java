package org.smsengine.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends STOPs from handsets ({@code POST /mo} of the simulator) while a batch delivers, into numbers
 * just ahead of its delivery, spread evenly over the time it is expected to take. Each target is
 * picked from half a page behind a partition's front ({@link DeliveryFront}: in the page being
 * submitted, a STOP that must be caught between the page's screening and the message's submit) to
 * one and a half pages ahead (a page the screening of its claim must hold back); the partitions take
 * turns. A target the page got to first is known afterwards by its times ({@link StopLatency}).
 * Handsets answer at once, not one after another: {@link #SENDERS} STOPs are in flight at a time
 * (each {@code POST /mo} waits until the engine has stored its STOP), and a target is picked only
 * when a sender is free, so none waits in a queue while delivery passes it.
 */
final class StopInjector implements AutoCloseable {

    /** Rows behind and ahead of a partition's next unclaimed message; a delivery page is 1,000 (jobs/sms-batch.yml). */
    private static final int BEHIND = 500;
    private static final int AHEAD = 1_500;
    private static final long TICK_MILLIS = 100;
    private static final int SENDERS = 4;
    /** The provider's default source address, the benchmark batch's sender: what a handset answers. */
    private static final String TO = "SMSENGINE";

    /** A number sent a STOP: its message (partition and id) and when the simulator's {@code POST /mo} answered. */
    record Target(String phone, int partition, long messageId, long storedBy) {
    }

    private final EngineDatabase database;
    private final SimulatorProcess simulator;
    private final int stops;
    private final long spreadMillis;
    private final List<Target> targets = Collections.synchronizedList(new ArrayList<>());
    private final Random random = new Random(42);
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, runnable -> {
        Thread thread = new Thread(runnable, "bench-stop-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore free = new Semaphore(SENDERS);
    private final AtomicInteger picked = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean closed;
    private volatile Exception failure;
    private Thread thread;

    /** {@code stops} STOPs over {@code spreadMillis} from the start of delivery (fewer if delivery ends first). */
    StopInjector(EngineDatabase database, SimulatorProcess simulator, int stops, long spreadMillis) {
        this.database = database;
        this.simulator = simulator;
        this.stops = stops;
        this.spreadMillis = Math.max(spreadMillis, 1_000);
    }

    /** Starts sending STOPs into the batch's numbers; {@link #close} stops it. */
    StopInjector start(long batchId) {
        thread = new Thread(() -> inject(batchId), "bench-stops");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void inject(long batchId) {
        try (DeliveryFront front = DeliveryFront.of(database, batchId)) {
            Set<String> chosen = new HashSet<>();
            long started = System.currentTimeMillis();
            int turn = 0;
            while (!closed && picked.get() < stops && !front.done() && failure == null) {
                long due = Math.min(stops, stops * (System.currentTimeMillis() - started) / spreadMillis + 1);
                for (int tries = 0; picked.get() < due && tries < 4 * front.partitions() && !closed; tries++) {
                    free.acquire(); // a sender first, then the target: picked only to be sent at once
                    DeliveryFront.Message target = front.near(turn++ % front.partitions(),
                            random.nextInt(BEHIND + AHEAD) - BEHIND);
                    if (target != null && chosen.add(target.phone())) {
                        picked.incrementAndGet();
                        senders.execute(() -> send(target));
                    } else {
                        free.release();
                    }
                }
                Thread.sleep(TICK_MILLIS);
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    private void send(DeliveryFront.Message target) {
        try {
            int status = simulator.injectMo(target.phone(), TO, "STOP");
            if (status == 202) {
                targets.add(new Target(target.phone(), target.partition(), target.id(), System.currentTimeMillis()));
            } else {
                refused.incrementAndGet();
            }
        } catch (Exception e) {
            failure = e;
        } finally {
            free.release();
        }
    }

    /** The STOPs the engine answered, in the order answered (after {@link #close}). */
    List<Target> targets() {
        return List.copyOf(targets);
    }

    /** STOPs the simulator could not deliver (no session bound, or the engine refused them). */
    int refused() {
        return refused.get();
    }

    /** Stops picking, waits for the STOPs in flight; a failure to pick or send fails the run. */
    @Override
    public void close() throws Exception {
        closed = true;
        if (thread != null) {
            thread.join();
        }
        senders.shutdown();
        if (!senders.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("STOPs still in flight a minute after delivery ended");
        }
        if (failure != null) {
            throw new IllegalStateException("Injecting STOPs failed", failure);
        }
    }
}
