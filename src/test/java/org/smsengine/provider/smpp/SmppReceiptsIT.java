package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smsengine.provider.ProviderSettings.ReceiptId;
import org.smsengine.simulator.SimulatorSettings.IdFormat;
import org.smsengine.simulator.SimulatorSettings.ReceiptPdu;
import org.smsengine.simulator.SimulatorSettings.ReceiptStyle;
import org.smsengine.simulator.SimulatorSettings;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.SecondEngine;
import org.smsengine.support.TestServices;
import org.springframework.test.context.TestConstructor;

/**
 * Receipts in every form SMSCs send them, end to end: a node of its own whose providers are SMSCs that each send
 * their receipts one way (the text, the TLVs only, both, or the text in message_payload; in deliver_sm or data_sm;
 * ids in hexadecimal, decimal, UUIDs, or hexadecimal answers with decimal receipts), half of them the engine's own
 * simulator (jSMPP), half a test SMSC on Cloudhopper, another SMPP library, so the engine and its simulator cannot
 * share a blind spot. A batch goes to one of them by its sender (a route per sender); every message must end as its
 * receipt said. Every style meets both PDUs and every id format on each SMSC, in eight cases each, not all sixty-four.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmppReceiptsIT extends EngineIntegrationTest {

    private static final int COUNT = 10;
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration DONE = Duration.ofSeconds(60);
    private static final int CLOUDHOPPER_PORT = TestServices.freePort();
    private static final Case MALFORMED = new Case("chbad", Smsc.CLOUDHOPPER, ReceiptStyle.TEXT, ReceiptPdu.DELIVER_SM,
            IdFormat.HEX, ReceiptId.AUTO);

    enum Smsc {
        SIMULATOR, CLOUDHOPPER
    }

    /** One provider: its SMSC and how that SMSC sends receipts; {@code name} is also its system id and, in capitals, its sender. */
    record Case(String name, Smsc smsc, ReceiptStyle style, ReceiptPdu pdu, IdFormat ids, ReceiptId receiptId) {

        String sender() {
            return name.toUpperCase();
        }

        @Override
        public String toString() {
            return smsc + ": " + style + " in " + pdu + ", ids " + ids + (receiptId == ReceiptId.AUTO ? "" : ", receipt-id " + receiptId);
        }
    }

    private final DataSource dataSource;
    private final List<Case> cases = new ArrayList<>();
    private final Map<String, SmscSimulator> simulators = new HashMap<>();
    private CloudhopperSmsc cloudhopper;
    private SecondEngine node;
    private ApiClient admin;

    SmppReceiptsIT(DataSource dataSource) {
        this.dataSource = dataSource;
        for (Smsc smsc : Smsc.values()) {
            String prefix = smsc == Smsc.SIMULATOR ? "sim" : "ch";
            cases.add(new Case(prefix + 1, smsc, ReceiptStyle.TEXT, ReceiptPdu.DELIVER_SM, IdFormat.HEX, ReceiptId.AUTO));
            cases.add(new Case(prefix + 2, smsc, ReceiptStyle.TEXT, ReceiptPdu.DATA_SM, IdFormat.DECIMAL, ReceiptId.AUTO));
            cases.add(new Case(prefix + 3, smsc, ReceiptStyle.TLV, ReceiptPdu.DELIVER_SM, IdFormat.UUID, ReceiptId.AUTO));
            cases.add(new Case(prefix + 4, smsc, ReceiptStyle.TLV, ReceiptPdu.DATA_SM, IdFormat.HEX_WITH_DECIMAL_RECEIPTS,
                    ReceiptId.AUTO));
            cases.add(new Case(prefix + 5, smsc, ReceiptStyle.BOTH, ReceiptPdu.DELIVER_SM, IdFormat.HEX_WITH_DECIMAL_RECEIPTS,
                    ReceiptId.AUTO));
            cases.add(new Case(prefix + 6, smsc, ReceiptStyle.BOTH, ReceiptPdu.DATA_SM, IdFormat.UUID, ReceiptId.AUTO));
            cases.add(new Case(prefix + 7, smsc, ReceiptStyle.PAYLOAD, ReceiptPdu.DELIVER_SM, IdFormat.DECIMAL, ReceiptId.AUTO));
            cases.add(new Case(prefix + 8, smsc, ReceiptStyle.PAYLOAD, ReceiptPdu.DATA_SM, IdFormat.HEX, ReceiptId.AUTO));
        }
        cases.add(new Case("ch9", Smsc.CLOUDHOPPER, ReceiptStyle.TEXT, ReceiptPdu.DELIVER_SM, IdFormat.HEX_WITH_DECIMAL_RECEIPTS,
                ReceiptId.HEX_TO_DECIMAL));
    }

    List<Case> cases() {
        return cases;
    }

    @BeforeAll
    void startTheSmscsAndANodeBoundToEach() throws Exception {
        Map<String, CloudhopperSmsc.Behaviour> behaviours = new HashMap<>();
        Map<String, Object> properties = new HashMap<>(engineProperties());
        List<Case> all = new ArrayList<>(cases);
        all.add(MALFORMED);
        // the lists replace the development run's (a list is bound from one place): these are the node's only providers
        properties.put("sms.providers.default-provider", all.get(0).name());
        for (int i = 0; i < all.size(); i++) {
            Case c = all.get(i);
            int port;
            if (c.smsc() == Smsc.SIMULATOR) {
                SmscSimulator simulator = simulator(c);
                simulators.put(c.name(), simulator);
                port = simulator.port();
            } else {
                behaviours.put(c.name(), new CloudhopperSmsc.Behaviour(c.style(), c.pdu(), c.ids(), c == MALFORMED));
                port = CLOUDHOPPER_PORT;
            }
            provider(properties, i, c, port);
        }
        cloudhopper = new CloudhopperSmsc(CLOUDHOPPER_PORT, behaviours).start();
        node = SecondEngine.start(properties, dataSource);
        admin = new ApiClient(node.port(), "admin", "admin");
        admin.await("/api/v1/providers", providers -> StreamSupport.stream(providers.spliterator(), false)
                .filter(p -> p.get("sessions").get("bound").asInt() == 1).count() == all.size(), READY);
    }

    private static void provider(Map<String, Object> properties, int i, Case c, int port) {
        String key = "sms.providers.definitions[" + i + "].";
        properties.put(key + "name", c.name());
        properties.put(key + "type", "SMPP");
        properties.put(key + "tps", 1000);
        properties.put(key + "sessions", 1);
        properties.put(key + "smpp.host", "localhost");
        properties.put(key + "smpp.port", port);
        properties.put(key + "smpp.system-id", c.smsc() == Smsc.SIMULATOR ? "engine" : c.name());
        properties.put(key + "smpp.password", CloudhopperSmsc.PASSWORD);
        properties.put(key + "smpp.response-timeout", "2s");
        properties.put(key + "smpp.reconnect-delay", "200ms");
        properties.put(key + "smpp.reconnect-delay-max", "1s");
        properties.put(key + "smpp.receipt-id", c.receiptId().name());
        String route = "sms.routing.routes[" + i + "].";
        properties.put(route + "name", c.name());
        properties.put(route + "senders[0]", c.sender());
        properties.put(route + "strategy", "PRIORITY");
        properties.put(route + "providers[0].name", c.name());
    }

    /** A simulator of its own for the case: three in ten receipts UNDELIV, one in ten REJECTD, the rest DELIVRD. */
    private static SmscSimulator simulator(Case c) throws IOException {
        return new SmscSimulator(new SimulatorSettings(true, TestServices.freePort(), "engine", CloudhopperSmsc.PASSWORD,
                Duration.ZERO, 0, 0, 0, Duration.ofMillis(20), 0.3, 0, 0.1, true, 0, 1, 2, null, 0, null, null, 1, c.style(),
                c.pdu(), c.ids(), java.net.InetAddress.getLoopbackAddress())).start();
    }

    @AfterAll
    void stopThem() {
        if (node != null) {
            node.close();
        }
        simulators.values().forEach(SmscSimulator::close);
        if (cloudhopper != null) {
            cloudhopper.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyMessageEndsAsItsReceiptSaid(Case c) {
        int first = 4_160_000 + cases.indexOf(c) * 100;
        List<JsonNode> messages = delivered(c, first);

        Map<String, Integer> byStatus = new TreeMap<>();
        messages.forEach(m -> byStatus.merge(m.get("status").asText(), 1, Integer::sum));
        if (c.smsc() == Smsc.CLOUDHOPPER) {
            for (JsonNode message : messages) {
                String outcome = CloudhopperSmsc.outcome(message.get("phone").asText());
                assertThat(message.get("status").asText()).as(message.toString()).isEqualTo(status(outcome));
                if (!outcome.equals("DELIVRD")) {
                    assertThat(message.get("error").asText()).isEqualTo("receipt:" + outcome + ":" + errorOf(outcome));
                }
            }
            assertThat(cloudhopper.receiptAnswers(c.name())).as("every receipt answered OK").hasSize(COUNT).containsOnly(0);
        } else {
            Map<String, Integer> reported = new TreeMap<>();
            simulators.get(c.name()).accounting().receiptsSentByState().forEach((state, n) -> reported.put(status(state), n.intValue()));
            assertThat(byStatus).isEqualTo(reported);
            messages.stream().filter(m -> !m.get("status").asText().equals("DELIVERED"))
                    .forEach(m -> assertThat(m.get("error").asText()).startsWith("receipt:").endsWith(":000"));
        }
        String providerId = messages.get(0).get("providerMessageId").asText();
        if (c.receiptId() == ReceiptId.HEX_TO_DECIMAL) {
            assertThat(providerId).as("kept in decimal, as the receipts give it").matches("[0-9]+");
        } else if (c.ids() == IdFormat.HEX_WITH_DECIMAL_RECEIPTS) {
            assertThat(providerId).as("kept as the SMSC answered").matches("[0-9a-fA-F]+");
        }
    }

    @Test
    void malformedReceiptsAreAcknowledgedAndCountedAndTheOthersStillApplied() {
        // the SMSC sends, before each part's receipt, one of: a NUL in id:, a NUL in err:, an id of 65 characters,
        // no id anywhere, a NUL in a data_sm's receipted_message_id; the two arrive in the same pass of the inbox
        List<JsonNode> messages = delivered(MALFORMED, 4_165_000);

        for (JsonNode message : messages) {
            assertThat(message.get("status").asText()).isEqualTo(status(CloudhopperSmsc.outcome(message.get("phone").asText())));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(cloudhopper.receiptAnswers(MALFORMED.name())).as("acknowledged, never refused").hasSize(2 * COUNT)
                        .containsOnly(0));
        String scrape = new ApiClient(node.port(), "metrics", "metrics").get("/actuator/prometheus").text();
        assertThat(malformed(scrape, "id_not_printable")).isEqualTo(4);
        assertThat(malformed(scrape, "error_not_printable")).isEqualTo(2);
        assertThat(malformed(scrape, "id_too_long")).isEqualTo(2);
        assertThat(malformed(scrape, "unreadable")).isEqualTo(2);
    }

    /** The batch of {@code COUNT} messages to the case's provider, once every one of them has its final status. */
    private List<JsonNode> delivered(Case c, int first) {
        ApiClient marketer = new ApiClient(node.port(), "marketer", "marketer");
        long id = marketer.uploadCsv(Recipients.csv(first, COUNT), Map.of("name", "receipts " + c.name(),
                "template", "Hi {{name}}", "region", "US", "senderId", c.sender())).createdId();
        marketer.awaitState(id, "READY", READY);
        assertThat(new ApiClient(node.port(), "operator", "operator").postJson("/api/v1/batches/" + id + "/start", Map.of())
                .status()).isEqualTo(202);
        JsonNode done = marketer.awaitState(id, "COMPLETED", DONE);
        assertThat(done.get("counts").get("sent").asInt()).isEqualTo(COUNT);
        JsonNode page = admin.await("/api/v1/batches/" + id + "/messages?size=100", p -> p.get("items").size() == COUNT
                && StreamSupport.stream(p.get("items").spliterator(), false)
                        .noneMatch(m -> m.get("status").asText().equals("SENT")), DONE);
        List<JsonNode> messages = new ArrayList<>();
        page.get("items").forEach(messages::add);
        return messages;
    }

    private static String status(String receiptState) {
        return switch (receiptState) {
            case "DELIVRD" -> "DELIVERED";
            case "UNDELIV" -> "UNDELIVERED";
            case "REJECTD" -> "REJECTED";
            case "EXPIRED" -> "EXPIRED";
            default -> throw new IllegalArgumentException(receiptState);
        };
    }

    private static String errorOf(String outcome) {
        return Map.of("UNDELIV", "001", "REJECTD", "002", "EXPIRED", "003").get(outcome);
    }

    private static double malformed(String scrape, String reason) {
        Matcher lines = Pattern.compile("(?m)^sms_receipts_malformed_total\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(scrape);
        Map<String, Double> found = new LinkedHashMap<>();
        while (lines.find()) {
            found.put(lines.group(1), Double.parseDouble(lines.group(2)));
        }
        return found.entrySet().stream().filter(e -> e.getKey().contains("provider=\"" + MALFORMED.name() + "\"")
                && e.getKey().contains("reason=\"" + reason + "\"")).mapToDouble(Map.Entry::getValue).sum();
    }
}
