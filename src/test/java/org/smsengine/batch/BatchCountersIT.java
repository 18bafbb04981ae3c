package org.smsengine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.smsengine.delivery.BatchRecount;
import org.smsengine.progress.CounterFolder;
import org.smsengine.support.Csv;
import org.smsengine.support.EngineIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch's counters in slots (sms_batch_tally): writers of one batch do not wait for each other, for a
 * fold or for a change of state, and what is read is exact whatever runs at the same time.
 */
class BatchCountersIT extends EngineIntegrationTest {

    @Autowired
    BatchMapper batches;
    @Autowired
    CounterFolder folder;
    @Autowired
    BatchRecount recount;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private long readyBatch() {
        long id = marketer().uploadCsv(Csv.lines("phone", "+12015550123", "+12015550124"),
                Map.of("name", "counters", "template", "Hi")).createdId();
        marketer().awaitState(id, "READY", Duration.ofSeconds(30));
        return id;
    }

    private TransactionTemplate transaction() {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    private long rowSent(long id) {
        return jdbc.queryForObject("SELECT sent FROM sms_batch WHERE id = ?", Long.class, id);
    }

    private long slots(long id) {
        return jdbc.queryForObject("SELECT count(*) FROM sms_batch_tally WHERE batch_id = ?", Long.class, id);
    }

    @RepeatedTest(3)
    void concurrentWritersAndFoldsLoseNothingAndCountNothingTwice() throws Exception {
        long id = readyBatch();
        int writers = 8;
        int each = 150;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong lastSeen = new AtomicLong();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int slot = w % 4;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        transaction().executeWithoutResult(status -> batches.addCounts(id, CounterSlots.partition(slot),
                                BatchCounts.submitted(1, 0), 1, 0, new BigDecimal("0.5")));
                    }
                }));
            }
            Future<?> folding = pool.submit(() -> {
                while (writing.get()) {
                    folder.fold(id);
                }
            });
            Future<?> reading = pool.submit(() -> {
                while (writing.get()) {
                    BatchRow row = batches.find(id).orElseThrow();
                    long sent = row.counts().sent();
                    if (sent < lastSeen.get() || sent > (long) writers * each || row.segments() - 2 != sent
                            || row.cost().compareTo(new BigDecimal(sent).multiply(new BigDecimal("0.5"))) != 0) {
                        wrong.add("read sent " + sent + " after " + lastSeen.get() + ", segments " + row.segments()
                                + ", cost " + row.cost());
                    }
                    lastSeen.set(sent);
                }
            });
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            folding.get(10, TimeUnit.SECONDS);
            reading.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(wrong).as("every read is a sum of whole commits, never less than the one before").isEmpty();
        assertThat(batches.find(id).orElseThrow().counts().sent()).isEqualTo((long) writers * each);
        assertThat(folder.fold(id)).isTrue();
        assertThat(slots(id)).isZero();
        assertThat(rowSent(id)).as("all folded into the row").isEqualTo((long) writers * each);
        assertThat(batches.find(id).orElseThrow().cost()).isEqualByComparingTo(new BigDecimal(writers * each / 2));
        // the writers published what each saw, some in the opposite order of their commits; the fold's is newest
        operator().await("/api/v1/batches/" + id + "/progress",
                progress -> progress.get("counts").get("sent").asLong() == (long) writers * each, Duration.ofSeconds(10));
    }

    @Test
    void aWriterHoldingItsSlotKeepsNoOtherWriterFoldOrChangeOfStateWaiting() throws Exception {
        long id = readyBatch();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            transaction().executeWithoutResult(status -> batches.addCounts(id, CounterSlots.partition(1), BatchCounts.submitted(1, 0)));
            Future<?> holder = pool.submit(() -> transaction().executeWithoutResult(status -> {
                batches.addCounts(id, CounterSlots.partition(1), BatchCounts.submitted(10, 0));
                written.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                BatchRow other = transaction().execute(status ->
                        batches.addCounts(id, CounterSlots.receipts(1), BatchCounts.receipted(1, 0)));
                assertThat(other.counts().sent()).as("the holder's 10 are not committed").isEqualTo(1);
                assertThat(other.counts().delivered()).isEqualTo(1);
                assertThat(folder.fold(id)).isTrue();
                BatchRow started = transaction().execute(status -> batches.startStep(id, "delivery"));
                assertThat(started.counts().sent()).isEqualTo(1);
            });
            // the slot the holder had was skipped: its 10 are not in the row. (The engine's own fold, every second,
            // may have folded the committed 1 before the holder took the slot: the row then holds that 1, and the
            // holder's 10 went into a slot of their own, which was skipped all the same.)
            assertThat(rowSent(id)).as("the slot the holder had was skipped").isLessThanOrEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT delivered FROM sms_batch WHERE id = ?", Long.class, id)).isEqualTo(1);

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(batches.find(id).orElseThrow().counts().sent()).isEqualTo(11);
            assertThat(folder.fold(id)).isTrue();
            assertThat(rowSent(id)).isEqualTo(11);
            assertThat(slots(id)).isZero();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aRecountSetsTheFiguresTheMessagesGiveWhateverTheSlotsHold() {
        long id = readyBatch();
        transaction().executeWithoutResult(status -> batches.addCounts(id, CounterSlots.receipts(0), BatchCounts.receipted(5, 2)));
        assertThat(batches.find(id).orElseThrow().counts().delivered()).isEqualTo(5);

        BatchRow recounted = recount.recount(id);

        assertThat(recounted.counts().delivered()).as("no message of this batch was delivered").isZero();
        assertThat(recounted.counts().undelivered()).isZero();
        assertThat(recounted.counts().prepared()).isEqualTo(2);
        assertThat(folder.fold(id)).isTrue();
        BatchRow folded = batches.find(id).orElseThrow();
        assertThat(folded.counts().delivered()).isZero();
        assertThat(folded.counts().undelivered()).isZero();
        assertThat(slots(id)).isZero();
    }
}
