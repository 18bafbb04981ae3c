package org.smsengine.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine on a free port against real PostgreSQL and Redis ({@link TestServices}), with the
 * development users. Test classes share one context; each run has its own Redis key prefix, so
 * runs sharing a Redis never see each other's keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
@AutoConfigureObservability(tracing = false)     // metrics exported as in production (tests turn them off by default)
@Import(TestClock.Config.class)
public abstract class EngineIntegrationTest {

    protected static final String RUN_PREFIX = "sms-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    /** The in-process SMSC simulator's port: free, so a development engine on 2775 does not matter. */
    protected static final int SMSC_PORT = TestServices.freePort();
    /** The simulator's HTTP side ({@code /accounting}, {@code /mo}, {@code /http/messages}): free too, for the same reason. */
    protected static final int SMSC_HTTP_PORT = TestServices.freePort();
    /**
     * The engine's own port, chosen before it starts rather than at random by it: the simulator, acting
     * as an HTTP provider, must know where to post its receipts when it starts.
     */
    protected static final int ENGINE_PORT = TestServices.freePort();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        engineProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The engine's settings in the tests; a second node ({@link SecondEngine}) starts with them too. */
    protected static Map<String, Object> engineProperties() {
        Map<String, Object> properties = new LinkedHashMap<>(TestServices.properties());
        properties.put("server.port", ENGINE_PORT);
        properties.put("sms.progress.key-prefix", RUN_PREFIX);
        // Small enough that the 413 test need not send 200 MB; large enough for a 2 MB field.
        properties.put("sms.upload.max-size", "8MB");
        properties.put("sms.progress.redis-retry-after", "300ms");
        properties.put("sms.pipeline.job-definition", "classpath:test-jobs/sms-batch.yml");
        properties.put("sms.simulator.port", SMSC_PORT);
        properties.put("sms.dev.simulator-http-port", SMSC_HTTP_PORT);
        properties.put("sms.simulator.record-parts", 2000);
        properties.put("sms.dev.simulator-tps", 5000);
        properties.put("sms.dev.simulator-response-timeout", "2s");
        // a lost node is noticed within seconds (CrashRecoveryIT kills one)
        properties.put("sms.recovery.heartbeat-interval", "500ms");
        properties.put("sms.recovery.node-timeout", "3s");
        properties.put("sms.recovery.check-interval", "1s");
        // housekeeping runs when a test calls it, never on its own in the middle of another test
        properties.put("sms.housekeeping.redis-reconcile-schedule", "-");
        properties.put("sms.housekeeping.overdue-receipts-schedule", "-");
        properties.put("sms.housekeeping.retention-schedule", "-");
        properties.put("sms.housekeeping.validity-schedule", "-");
        properties.put("sms.housekeeping.idempotency-schedule", "-");
        properties.put("sms.metrics.gauge-interval", "1s");
        // keywords are answered (InboundIT sees the replies reach the simulator)
        properties.put("sms.consent.replies.stop", "You will get no more messages from us. Send START to resume.");
        properties.put("sms.consent.replies.help", "Shop news. Send STOP to end them.");
        properties.put("sms.consent.replies.start", "Welcome back.");
        // a trigger the other node created is acquired within a second
        properties.put("spring.quartz.properties.org.quartz.scheduler.idleWaitTime", "1000");
        return properties;
    }

    protected ApiClient as(String user) {
        return new ApiClient(port, user, user);
    }

    protected ApiClient anonymous() {
        return new ApiClient(port, null, null);
    }

    protected ApiClient marketer() {
        return as("marketer");
    }

    protected ApiClient operator() {
        return as("operator");
    }

    protected ApiClient admin() {
        return as("admin");
    }
}
