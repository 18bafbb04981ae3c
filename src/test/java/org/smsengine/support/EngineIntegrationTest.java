package org.smsengine.support;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine on a random port against real PostgreSQL and Redis ({@link TestServices}), with the
 * development users. Test classes share one context; each run has its own Redis key prefix, so
 * runs sharing a Redis never see each other's keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
public abstract class EngineIntegrationTest {

    protected static final String RUN_PREFIX = "sms-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    /** The in-process SMSC simulator's port: free, so a development engine on 2775 does not matter. */
    protected static final int SMSC_PORT = TestServices.freePort();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("sms.progress.key-prefix", () -> RUN_PREFIX);
        // Small enough that the 413 test need not send 200 MB; large enough for a 2 MB field.
        registry.add("sms.upload.max-size", () -> "8MB");
        registry.add("sms.progress.redis-retry-after", () -> "300ms");
        registry.add("sms.pipeline.job-definition", () -> "classpath:test-jobs/sms-batch.yml");
        registry.add("sms.simulator.port", () -> SMSC_PORT);
        registry.add("sms.simulator.record-parts", () -> 2000);
        registry.add("sms.dev.simulator-tps", () -> 5000);
        registry.add("sms.dev.simulator-response-timeout", () -> "2s");
        // a lost node is noticed within seconds (CrashRecoveryIT kills one)
        registry.add("sms.recovery.heartbeat-interval", () -> "500ms");
        registry.add("sms.recovery.node-timeout", () -> "3s");
        registry.add("sms.recovery.check-interval", () -> "1s");
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
