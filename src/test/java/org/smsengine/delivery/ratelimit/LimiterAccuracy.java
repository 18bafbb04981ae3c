package org.smsengine.delivery.ratelimit;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The benchmark's measure of the cluster-wide limiter: {@code nodes} limiters, each as an engine
 * node has it (its own Redis client, pools and sync thread, with the engine's default settings),
 * pacing one provider at {@code tps} on a real Redis for {@code seconds}, each with a few threads
 * that take a token per submit as fast as they are let. Counts the tokens granted per 10 ms.
 */
public final class LimiterAccuracy {

    /**
     * @param perSecond  tokens granted in each whole second of the run (the first and last left out)
     * @param maxWindow  the most granted in any one-second window (sliding by 10 ms)
     * @param minWindow  the fewest in any one-second window
     * @param accuracy   tokens granted over tps x the run's seconds
     */
    public record Result(int tps, int nodes, int seconds, List<Integer> perSecond, long maxWindow, long minWindow,
            double accuracy) {
    }

    private LimiterAccuracy() {
    }

    public static Result measure(String redisUrl, int tps, int nodes, int seconds, int threadsPerNode) throws InterruptedException {
        // the engine's defaults (those of application.yml are the same)
        LimitSettings settings = new Binder(new MapConfigurationPropertySource()).bindOrCreate("sms.delivery.limits", LimitSettings.class);
        RedisProperties redis = new RedisProperties();
        redis.setUrl(redisUrl);
        String prefix = "sms-bench-limiter-" + System.currentTimeMillis() + ":";
        ClientResources resources = DefaultClientResources.create();
        ScheduledExecutorService syncs = Executors.newScheduledThreadPool(nodes);
        List<SharedRedis> clients = new ArrayList<>();
        List<RateLimits> limiters = new ArrayList<>();
        try {
            for (int n = 0; n < nodes; n++) {
                SharedRedis client = new SharedRedis(redis, resources, settings);
                clients.add(client);
                SharedLimits shared = new SharedLimits(client, new LiveNodes(window -> nodes, settings, Duration.ofSeconds(30)), settings,
                        settings.rule(10), prefix, new SimpleMeterRegistry());
                syncs.scheduleWithFixedDelay(shared::sync, 0, settings.syncInterval().toMillis(), TimeUnit.MILLISECONDS);
                limiters.add(new RateLimits(shared, null, new SimpleMeterRegistry()));
            }
            for (SharedRedis client : clients) {
                long deadline = System.currentTimeMillis() + 10_000;
                while (!client.isUp() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
            }
            return run(limiters, tps, seconds, threadsPerNode);
        } finally {
            syncs.shutdownNow();
            clients.forEach(SharedRedis::close);
            resources.shutdown(0, 1, TimeUnit.SECONDS);
        }
    }

    private static Result run(List<RateLimits> limiters, int tps, int seconds, int threadsPerNode) throws InterruptedException {
        int ticks = (seconds + 1) * 100;
        AtomicIntegerArray granted = new AtomicIntegerArray(ticks);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (RateLimits limiter : limiters) {
            for (int t = 0; t < threadsPerNode; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            if (limiter.acquire("bench", tps, 1, null, 1, () -> System.nanoTime() >= end)) {
                                granted.incrementAndGet((int) ((System.nanoTime() - start) / 10_000_000));
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "limiter-bench");
                threads.add(thread);
                thread.start();
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Integer> perSecond = new ArrayList<>();
        for (int s = 1; s < seconds - 1; s++) {
            int sum = 0;
            for (int tick = s * 100; tick < (s + 1) * 100; tick++) {
                sum += granted.get(tick);
            }
            perSecond.add(sum);
        }
        long max = 0;
        long min = Long.MAX_VALUE;
        long window = 0;
        long total = 0;
        for (int tick = 0; tick < seconds * 100; tick++) {
            total += granted.get(tick);
            window += granted.get(tick);
            if (tick >= 100) {
                window -= granted.get(tick - 100);
            }
            if (tick >= 199) {   // full windows only, after the first second (the buckets start full)
                max = Math.max(max, window);
                min = Math.min(min, window);
            }
        }
        return new Result(tps, limiters.size(), seconds, perSecond, max, min, total / (double) tps / seconds);
    }
}
