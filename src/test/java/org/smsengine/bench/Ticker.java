package org.smsengine.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints a line every few seconds while a long phase runs, so whoever watches the benchmark sees it
 * working. The line is made on the ticker's own thread; a line that cannot be made (the engine
 * busy, say) says so instead of stopping the ticks.
 */
final class Ticker implements AutoCloseable {

    /** A line at least this often during every long phase. */
    static final long EVERY_SECONDS = 10;

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-ticker");
        thread.setDaemon(true);
        return thread;
    });
    private final long started = System.nanoTime();

    private Ticker(String label, Supplier<String> line) {
        clock.scheduleAtFixedRate(() -> {
            String text;
            try {
                text = line.get();
            } catch (RuntimeException e) {
                text = "(no figures: " + e.getMessage() + ")";
            }
            System.out.printf("  %-22s %6s  %s%n", label, elapsed(started), text);
        }, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** Starts printing {@code label}, the time since now and {@code line} every {@link #EVERY_SECONDS} seconds. */
    static Ticker start(String label, Supplier<String> line) {
        return new Ticker(label, line);
    }

    /** m:ss since {@code startedNanos}. */
    static String elapsed(long startedNanos) {
        long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
