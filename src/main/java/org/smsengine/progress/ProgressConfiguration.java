package org.smsengine.progress;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.smsengine.batch.BatchQueries;
import org.smsengine.system.Outages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

    @Bean
    RedisGuard redisGuard(ProgressSettings settings, Clock clock, MeterRegistry meters, Outages outages) {
        return new RedisGuard(settings.redisRetryAfter(), clock, meters, outages);
    }

    @Bean
    RedisProgressStore redisProgressStore(StringRedisTemplate redis, ProgressSettings settings) {
        return new RedisProgressStore(redis, settings.keyPrefix(), settings.ttl().toSeconds());
    }

    @Bean
    ProgressPublisher progressPublisher(RedisProgressStore store, RedisGuard guard, ProgressSettings settings) {
        return new ProgressPublisher(store, guard, settings.flushInterval().toMillis());
    }

    @Bean
    ProgressStreams progressStreams(ProgressService progress, ProgressSettings settings, MeterRegistry meters) {
        return new ProgressStreams(progress, settings, meters);
    }

    @Bean
    ProgressService progressService(RedisProgressStore store, RedisGuard guard, ProgressPublisher publisher,
            BatchQueries batches, ProgressSettings settings, Clock clock, Outages outages) {
        return new ProgressService(store, guard, publisher, batches, outages, new ProgressCalculator(settings.rateWindow()), clock);
    }
}
