package org.smsengine.delivery.ratelimit;

import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.smsengine.progress.ProgressSettings;
import org.smsengine.template.MessageLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cluster-wide limits: their own Redis client (on Spring's address and event loops), the live nodes, the pools. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean(destroyMethod = "close")
    SharedRedis sharedRedis(RedisProperties redis, ClientResources resources, LimitSettings settings) {
        return new SharedRedis(redis, resources, settings);
    }

    @Bean
    LiveNodes liveNodes(NodeCountMapper nodes, LimitSettings settings,
            @Value("#{@recoverySettings.nodeTimeout}") Duration nodeTimeout) {
        return new LiveNodes(nodes, settings, nodeTimeout);
    }

    @Bean
    SharedLimits sharedLimits(SharedRedis redis, LiveNodes liveNodes, LimitSettings settings, MessageLimits messages,
            ProgressSettings progress, MeterRegistry meters) {
        // the limits' keys sit beside the progress keys, under the engine's one prefix
        return new SharedLimits(redis, liveNodes, settings, settings.rule(messages.maxSegments()), progress.keyPrefix(), meters);
    }
}
