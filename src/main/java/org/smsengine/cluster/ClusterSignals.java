package org.smsengine.cluster;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.pipeline.StopSignal;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.system.NodeIdentity;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Passes this node's stop signals to every other node over Redis pub/sub, and applies theirs here:
 * a batch's partitions on any node stop before their next submit, as on the node that was asked.
 * Pub/sub is at most once (a node reconnecting misses what was sent meanwhile): it is the fast path
 * only. The job repository's STOPPING, which every partition reads at its next chunk boundary, is
 * the one that never fails; Redis down makes a pause slower, never lost.
 */
@Component
class ClusterSignals implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);

    private final StringRedisTemplate redis;
    private final StopSignals signals;
    private final NodeIdentity node;
    private final ClusterSettings settings;
    private volatile boolean stopped;
    /** Not a bean: started here once Redis answers (a node starts, and works, without Redis). */
    private final RedisMessageListenerContainer listener;

    ClusterSignals(StringRedisTemplate redis, RedisConnectionFactory connections, StopSignals signals, NodeIdentity node,
            ClusterSettings settings) {
        this.redis = redis;
        this.listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(connections);
        listener.addMessageListener(this, new ChannelTopic(settings.signalsChannel()));
        listener.setRecoveryInterval(2000);
        listener.afterPropertiesSet();
        this.signals = signals;
        this.node = node;
        this.settings = settings;
    }

    /** Subscribes once Redis answers (the container then re-subscribes by itself after Redis restarts). */
    @Scheduled(initialDelay = 0, fixedDelayString = "#{@clusterSettings.subscribeRetry}")
    void subscribe() {
        RedisMessageListenerContainer container = listener;
        if (stopped || container.isRunning()) {
            return;
        }
        try {
            container.start();
            log.info("Listening for the other nodes' stop signals on {}", settings.signalsChannel());
        } catch (RuntimeException e) {
            log.debug("Redis does not answer yet ({}); stop signals reach this node through the job repository",
                    e.getMessage());
            try {
                container.stop();
            } catch (RuntimeException ignored) {
                // not started
            }
        }
    }

    /**
     * Unsubscribes, waiting a second at most: the listener's close can wait on a Redis connection that
     * the shutdown is closing at the same time, and a node's exit must not wait on a fast path.
     */
    @PreDestroy
    void close() throws InterruptedException {
        stopped = true;
        Thread closing = new Thread(() -> {
            try {
                listener.destroy();
            } catch (Exception e) {
                log.debug("The stop signals' listener did not close cleanly: {}", e.getMessage());
            }
        }, "cluster-signals-close");
        closing.setDaemon(true);
        closing.start();
        closing.join(1000);
    }

    @EventListener
    void send(StopSignal signal) {
        try {
            redis.convertAndSend(settings.signalsChannel(),
                    (signal.stop() ? "stop " : "clear ") + signal.batchId() + " " + node.id());
        } catch (RuntimeException e) {
            log.warn("Could not pass the {} of batch {} to the other nodes ({}); they see it at their next chunk",
                    signal.stop() ? "stop" : "clear", signal.batchId(), e.getMessage());
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split(" ", 3);
        if (parts.length < 3 || parts[2].equals(node.id())) {
            return;
        }
        try {
            signals.received(new StopSignal(Long.parseLong(parts[1]), parts[0].equals("stop")));
        } catch (NumberFormatException e) {
            log.warn("Not a stop signal, ignored: {}", String.join(" ", parts));
        }
    }
}
