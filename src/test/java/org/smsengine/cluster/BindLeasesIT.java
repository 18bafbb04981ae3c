package org.smsengine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.smsengine.simulator.SimulatorSettings;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.SecondEngine;
import org.smsengine.support.TestServices;
import org.springframework.test.context.TestConstructor;

/**
 * A carrier that allows three binds, and nodes that would each open three: the nodes share the three
 * (leased in Redis), never holding more between them; a node that joins takes its share from the
 * others, and one that leaves gives its share back. This test's engine is a live node too (without
 * the provider), so with it and one more the share is two, with two more one each.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class BindLeasesIT extends EngineIntegrationTest {

    private static final int MAX_BINDS = 3;

    private final DataSource dataSource;

    BindLeasesIT(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void theNodesShareTheCarriersBindsAndANodeThatLeavesGivesItsShareBack() throws Exception {
        int port = TestServices.freePort();
        SmscSimulator carrier = new SmscSimulator(new SimulatorSettings(true, port, "engine", "secret", Duration.ZERO, 0,
                0, 0, Duration.ofMillis(50), 0, 0, 0, true, 0, 2, 4, null, 0, null, null, 4,
                SimulatorSettings.ReceiptStyle.TEXT, SimulatorSettings.ReceiptPdu.DELIVER_SM, SimulatorSettings.IdFormat.HEX,
                InetAddress.getLoopbackAddress())).start();
        AtomicInteger mostBound = new AtomicInteger();
        Thread watch = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                mostBound.accumulateAndGet(carrier.boundSessions(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watch.start();
        try (SecondEngine first = SecondEngine.start(properties(port), dataSource)) {
            ApiClient one = new ApiClient(first.port(), "operator", "operator");
            awaitBound(one, 2);
            try (SecondEngine second = SecondEngine.start(properties(port), dataSource)) {
                ApiClient two = new ApiClient(second.port(), "operator", "operator");
                awaitBound(two, 1);
                awaitBound(one, 1);
                assertThat(carrier.boundSessions()).isLessThanOrEqualTo(MAX_BINDS);
            }
            // the second node's binds went back as it closed; once its heartbeat lapses the first's share is two again
            awaitBound(one, 2);
        } finally {
            watch.interrupt();
            watch.join();
            carrier.close();
        }
        assertThat(mostBound.get()).as("binds open at once, at most").isLessThanOrEqualTo(MAX_BINDS);
    }

    private static Map<String, Object> properties(int port) {
        Map<String, Object> properties = new HashMap<>(engineProperties());
        String key = "sms.providers.definitions[0].";
        properties.put(key + "name", "capped");
        properties.put(key + "type", "SMPP");
        properties.put(key + "sessions", MAX_BINDS);
        properties.put(key + "max-binds", MAX_BINDS);
        properties.put(key + "smpp.host", "localhost");
        properties.put(key + "smpp.port", port);
        properties.put(key + "smpp.reconnect-delay", "200ms");
        properties.put(key + "smpp.reconnect-delay-max", "1s");
        properties.put("sms.providers.default-provider", "capped");
        properties.put("sms.routing.routes[0].name", "all");
        properties.put("sms.routing.routes[0].providers[0].name", "capped");
        return properties;
    }

    private static void awaitBound(ApiClient node, int bound) {
        node.await("/api/v1/providers/capped", provider -> provider.get("sessions").get("bound").asInt() == bound,
                Duration.ofSeconds(30));
    }
}
