package org.smsengine.inbound;

import org.smsengine.optout.OptOutSource;
import org.smsengine.optout.OptOutList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.InboundMessage;
import org.smsengine.provider.InboundSink;
import org.smsengine.simulator.ReceivedPart;
import org.smsengine.simulator.SimulatorAccounting;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.template.SegmentCounter;
import org.smsengine.template.SmsEncoding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * What the engine does with the messages handsets send: each stored with its keyword, action and
 * batch; STOP, START and HELP acted on; replies through the provider that received the keyword. The
 * messages are handed to the inbound sink as a provider would (the simulator's own MO injection is
 * tested with the SMPP side).
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class InboundIT extends EngineIntegrationTest {

    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 8_000_000));
    private static final String PROVIDER = "simulator";
    private static final Duration REPLIED = Duration.ofSeconds(20);

    private final InboundSink sink;
    private final OptOutList optOuts;
    private final JdbcTemplate jdbc;
    private final SimulatorAccounting accounting;

    InboundIT(InboundSink sink, OptOutList optOuts, DataSource dataSource, SmscSimulator simulator) {
        this.sink = sink;
        this.optOuts = optOuts;
        this.jdbc = new JdbcTemplate(dataSource);
        this.accounting = simulator.accounting();
    }

    @Test
    void stopInAnyShapeOptsTheNumberOutWithTheMessageThatAskedIt() {
        for (String text : List.of("STOP", "Stop.", "退订", " t d ", "ARRÊT!")) {
            String phone = phone();
            sink.accept(mo(phone, "SHOP", text));

            Map<String, Object> row = lastFrom(phone);
            assertThat(row).containsEntry("keyword", "STOP").containsEntry("action", "opted_out").containsEntry("text", text);
            Map<String, Object> entry = jdbc.queryForMap("SELECT * FROM sms_opt_out WHERE phone = ?", phone);
            assertThat(entry).containsEntry("source", "keyword").containsEntry("inbound_id", row.get("id"))
                    .containsEntry("reason", text.strip()).containsEntry("created_by", "keyword");
        }
    }

    @Test
    void aStopIsConfirmedEvenThoughTheNumberIsNowOptedOutAndOnlyOnceInTheInterval() {
        String phone = phone();
        sink.accept(mo(phone, "SHOP", "STOP"));
        long first = (Long) lastFrom(phone).get("id");
        Map<String, Object> replied = awaitReply(first);
        assertThat(replied).containsEntry("reply_status", "SENT");
        assertThat(replied.get("reply_message_id")).isNotNull();
        assertThat(received(phone)).singleElement().satisfies(part -> {
            assertThat(part.source()).isEqualTo("SHOP");
            assertThat(SegmentCounter.text(part.shortMessage(), SmsEncoding.GSM7))
                    .isEqualTo("You will get no more messages from us. Send START to resume.");
        });

        sink.accept(mo(phone, "SHOP", "stop!!"));
        Map<String, Object> again = lastFrom(phone);
        assertThat(again).containsEntry("action", "opted_out");
        assertThat(again.get("reply_text")).as("no second reply within sms.consent.reply-interval").isNull();
    }

    @Test
    void aStopToANumberOptedOutOverTheApiKeepsItsEntry() {
        String phone = phone();
        optOuts.add(phone, OptOutSource.API, "call centre", null, "admin");
        sink.accept(mo(phone, "SHOP", "STOP"));

        assertThat(lastFrom(phone)).containsEntry("action", "opted_out");
        assertThat(jdbc.queryForObject("SELECT source FROM sms_opt_out WHERE phone = ?", String.class, phone)).isEqualTo("api");
    }

    @Test
    void startLiftsAKeywordOptOutButNotOneMadeOverTheApi() {
        String byKeyword = phone();
        sink.accept(mo(byKeyword, "SHOP", "STOP"));
        sink.accept(mo(byKeyword, "SHOP", "Start"));
        Map<String, Object> start = lastFrom(byKeyword);
        assertThat(start).containsEntry("keyword", "START").containsEntry("action", "opted_in")
                .containsEntry("reply_text", "Welcome back.");
        assertThat(optedOut(byKeyword)).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_opt_out_event WHERE phone = ? AND action = 'removed'"
                + " AND inbound_id = ?", Long.class, byKeyword, start.get("id"))).isEqualTo(1);

        String byApi = phone();
        optOuts.add(byApi, OptOutSource.API, "complaint", null, "admin");
        sink.accept(mo(byApi, "SHOP", "START"));
        assertThat(lastFrom(byApi)).containsEntry("action", "none");
        assertThat(lastFrom(byApi).get("reply_text")).as("no welcome for a number still opted out").isNull();
        assertThat(optedOut(byApi)).isTrue();
        awaitReply((Long) start.get("id"));
    }

    @Test
    void helpIsAnsweredThroughTheProviderThatReceivedItAndRecorded() {
        String phone = phone();
        sink.accept(mo(phone, "NEWS", "help?"));
        Map<String, Object> row = lastFrom(phone);
        assertThat(row).containsEntry("keyword", "HELP").containsEntry("action", "replied");

        Map<String, Object> replied = awaitReply((Long) row.get("id"));
        assertThat(replied).containsEntry("reply_status", "SENT").containsEntry("reply_text", "Shop news. Send STOP to end them.");
        assertThat(replied.get("replied_at")).isNotNull();
        assertThat(received(phone)).singleElement().satisfies(part -> assertThat(part.source()).isEqualTo("NEWS"));
        assertThat(accounting.acceptedFor(phone)).isEqualTo(1);

        sink.accept(mo(phone, "NEWS", "HELP"));
        assertThat(lastFrom(phone)).containsEntry("action", "none");
    }

    @Test
    void helpFromAnOptedOutNumberIsNotAnswered() {
        String phone = phone();
        optOuts.add(phone, OptOutSource.API, null, null, "admin");
        sink.accept(mo(phone, "SHOP", "HELP"));
        assertThat(lastFrom(phone)).containsEntry("keyword", "HELP").containsEntry("action", "none");
        assertThat(lastFrom(phone).get("reply_text")).isNull();
    }

    @Test
    void freeTextAndSendersThatAreNotNumbersAreStoredButNotActedOn() {
        String phone = phone();
        sink.accept(mo(phone, "SHOP", "please stop texting me"));
        assertThat(lastFrom(phone)).containsEntry("action", "none").containsEntry("keyword", null);
        assertThat(optedOut(phone)).isFalse();

        String robot = "BOT" + NEXT.incrementAndGet();
        sink.accept(mo(robot, "SHOP", "STOP"));
        assertThat(lastFrom(robot)).containsEntry("keyword", "STOP").containsEntry("action", "none");
        assertThat(optedOut(robot)).isFalse();

        String odd = phone();
        sink.accept(new InboundMessage(PROVIDER, odd, "SHOP", "a\0b" + "x".repeat(3000), Instant.now()));
        String stored = (String) lastFrom(odd).get("text");
        assertThat(stored).startsWith("abx").hasSize(2000);
    }

    @Test
    void aMessageIsLinkedToTheBatchThatLastSentFromTheAddressItWasSentTo() {
        String phone = phone();
        jdbc.update("INSERT INTO sms_contact (phone, sender, batch_id, claimed_at) VALUES (?, 'SHOP', 101, now() - interval '1 hour'),"
                + " (?, '', 102, now())", phone, phone);
        sink.accept(mo(phone, "SHOP", "Who is this?"));
        assertThat(lastFrom(phone)).containsEntry("batch_id", 101L);
        sink.accept(mo(phone, "ENGINE", "Who is this?"));
        assertThat(lastFrom(phone)).as("no batch from that address: the newest to the number").containsEntry("batch_id", 102L);
        String stranger = phone();
        sink.accept(mo(stranger, "SHOP", "hello"));
        assertThat(lastFrom(stranger)).containsEntry("batch_id", null);
    }

    @Test
    void theExportIsACsvNewestFirstWithFormulasNeutralisedAndPhonesMaskedBelowAdmin() throws Exception {
        String phone = phone();
        sink.accept(mo(phone, "SHOP", "=HYPERLINK(\"http://x\",\"win\")"));
        sink.accept(mo(phone, "SHOP", "STOP"));

        List<CSVRecord> rows = csvOf(admin().get("/api/v1/inbound/export?phone=" + phone.substring(1)).text());
        assertThat(rows).extracting(row -> row.get("text")).containsExactly("STOP", "'=HYPERLINK(\"http://x\",\"win\")");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("from")).isEqualTo(phone));
        assertThat(rows.get(0).get("keyword")).isEqualTo("STOP");
        assertThat(rows.get(0).get("action")).isEqualTo("opted_out");

        List<CSVRecord> masked = csvOf(operator().get("/api/v1/inbound/export?phone=" + phone.substring(1)).text());
        assertThat(masked).hasSize(2).allSatisfy(row -> assertThat(row.get("from")).isEqualTo(masked(phone)));
        assertThat(operator().get("/api/v1/inbound/export?keyword=maybe").status()).isEqualTo(400);
    }

    private static List<CSVRecord> csvOf(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    @Test
    void theListingFiltersNewestFirstAndMasksPhonesBelowAdmin() {
        String phone = phone();
        long batch = 900_000 + NEXT.incrementAndGet();
        jdbc.update("INSERT INTO sms_contact (phone, sender, batch_id, claimed_at) VALUES (?, 'SHOP', ?, now())", phone, batch);
        sink.accept(mo(phone, "SHOP", "hi"));
        sink.accept(mo(phone, "SHOP", "INFO"));
        sink.accept(mo(phone, "SHOP", "STOP"));

        // digits alone find the number: a + left unencoded in a query string arrives as a space
        JsonNode all = admin().get("/api/v1/inbound?phone=" + phone.substring(1) + "&size=10").json();
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("items")).extracting(item -> item.get("text").asText()).containsExactly("STOP", "INFO", "hi");
        JsonNode stop = all.get("items").get(0);
        assertThat(stop.get("from").asText()).isEqualTo(phone);
        assertThat(stop.get("to").asText()).isEqualTo("SHOP");
        assertThat(stop.get("keyword").asText()).isEqualTo("STOP");
        assertThat(stop.get("action").asText()).isEqualTo("opted_out");
        assertThat(stop.get("provider").asText()).isEqualTo(PROVIDER);
        assertThat(stop.get("batchId").asLong()).isEqualTo(batch);
        assertThat(stop.get("receivedAt").asText()).isNotBlank();
        assertThat(all.get("items").get(2).get("keyword").isNull()).isTrue();

        JsonNode help = marketer().get("/api/v1/inbound?phone=" + phone + "&keyword=help").json();
        assertThat(help.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("text").asText()).isEqualTo("INFO");
            assertThat(item.get("from").asText()).isEqualTo(masked(phone));
        });
        JsonNode byBatch = operator().get("/api/v1/inbound?batchId=" + batch + "&keyword=STOP").json();
        assertThat(byBatch.get("total").asLong()).isEqualTo(1);
        assertThat(byBatch.get("items").get(0).get("from").asText()).isEqualTo(masked(phone));
        assertThat(operator().get("/api/v1/inbound?keyword=STOP&size=5").json().get("items")).isNotEmpty();
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        assertProblem(operator().get("/api/v1/inbound?keyword=UNSUBSCRIBE"), "keyword");
        assertProblem(operator().get("/api/v1/inbound?batchId=abc"), "batchId");
        assertProblem(operator().get("/api/v1/inbound?size=0"), "size");
        assertProblem(operator().get("/api/v1/inbound?phone=" + "1".repeat(30)), "phone");
    }

    private static void assertProblem(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.headers().getContentType().toString()).contains("problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    private static String phone() {
        return "+1555" + String.format("%07d", NEXT.incrementAndGet() % 10_000_000);
    }

    /** As a role below ADMIN sees a number: the country code and the last two digits (API.md). */
    private static String masked(String phone) {
        return "+1********" + phone.substring(phone.length() - 2);
    }

    private static InboundMessage mo(String from, String to, String text) {
        return new InboundMessage(PROVIDER, from, to, text, Instant.now());
    }

    private Map<String, Object> lastFrom(String from) {
        return jdbc.queryForMap("SELECT * FROM sms_inbound WHERE from_phone = ? ORDER BY id DESC LIMIT 1", from);
    }

    private boolean optedOut(String phone) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM sms_opt_out WHERE phone = ?)",
                Boolean.class, phone));
    }

    private Map<String, Object> awaitReply(long id) {
        long deadline = System.nanoTime() + REPLIED.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM sms_inbound WHERE id = ?", id);
            if (row.get("reply_status") != null) {
                return row;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No reply recorded for inbound " + id + " within " + REPLIED);
    }

    private List<ReceivedPart> received(String phone) {
        return accounting.recordedParts().stream().filter(part -> part.destination().equals(phone.substring(1))).toList();
    }
}
