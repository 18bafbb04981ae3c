package org.smsengine.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.smsengine.recipient.TimeZones;

/**
 * The rows earlier, finished batches leave in the engine's database, as about 90 days of use
 * would: {@code recipients} in {@code batches} COMPLETED batches spread over the last 89 days
 * (inside the engine's 90-day retention, so housekeeping purges none). Each has its recipients, a
 * reject in 500 rows, a message per recipient with its receipt reference, its partitions and its
 * audit ({@link HistorySql}). Then VACUUM ANALYZE, what autovacuum does after such growth: the
 * statistics then say what a real server's say, that a new batch is tiny next to the tables.
 *
 * <p>Numbers are +1 with area codes {@link RecipientFile} never uses, so none is one of the
 * measured runs'; they come from a customer base of half the history, so each number got about
 * two messages in the 90 days, never two in one batch. Written set-wise after the engine started
 * (Flyway creates the tables then), a batch per transaction.
 */
final class History {

    /** Who "created" the history batches: how the report finds them again. */
    static final String CREATED_BY = "bench-history";
    /** A history batch's usual size: a mid-sized campaign. */
    static final int BATCH_SIZE = 100_000;

    private static final int[] AREA_CODES = {801, 803, 804, 805, 813, 816, 817, 818, 832, 857};
    /** Each area code's "+1NNN" and its time zone as the engine finds it, for the messages' time_zone. */
    private static final String[] PREFIXES = Arrays.stream(AREA_CODES).mapToObj(area -> "+1" + area).toArray(String[]::new);
    private static final String[] ZONES = Arrays.stream(PREFIXES).map(prefix -> TimeZones.of(prefix + "2345678"))
            .toArray(String[]::new);
    /** The partitions per batch: the partition step's gridSize in jobs/sms-batch.yml. */
    private static final int GRID_SIZE = 4;
    private static final Duration SPAN = Duration.ofDays(89);

    private final EngineDatabase database;
    private final AtomicInteger batchesDone = new AtomicInteger();
    private final AtomicLong recipientsDone = new AtomicLong();
    private final AtomicReference<String> phase = new AtomicReference<>("batches");

    private History(EngineDatabase database) {
        this.database = database;
    }

    /** Writes {@code recipients} of history in {@code batches} batches, or in batches of about {@link #BATCH_SIZE} if 0. */
    static void seed(EngineDatabase database, long recipients, int batches) throws SQLException {
        if (RecipientFile.usesAreaCodeOf(AREA_CODES)) {
            throw new IllegalStateException("History numbers would collide with the measured runs': " + Arrays.toString(AREA_CODES));
        }
        int count = batches > 0 ? batches : (int) Math.max(1, (recipients + BATCH_SIZE - 1) / BATCH_SIZE);
        new History(database).write(recipients, (int) Math.min(count, recipients));
    }

    private void write(long recipients, int batches) throws SQLException {
        long customers = Math.max((recipients + batches - 1) / batches, recipients / 2);
        if (customers > AREA_CODES.length * 8_000_000L) {
            throw new IllegalArgumentException("History of " + recipients + " recipients: more customers than numbers");
        }
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "history: %,d recipients in %d finished batches, numbers of %,d customers%n",
                recipients, batches, customers);
        try (Ticker ignored = Ticker.start("history", () -> progress(batches)); Connection connection = database.connect()) {
            session(connection);
            connection.setAutoCommit(false);
            Instant oldest = Instant.now().minus(SPAN);
            long first = 0;
            for (int b = 0; b < batches; b++) {
                int size = (int) (recipients / batches + (b < recipients % batches ? 1 : 0));
                writeBatch(connection, b, size, first % customers, customers, oldest.plus(SPAN.multipliedBy(b).dividedBy(batches)));
                connection.commit();
                first += size;
                batchesDone.incrementAndGet();
                recipientsDone.addAndGet(size);
            }
            connection.setAutoCommit(true);
            for (String vacuum : HistorySql.VACUUM_ANALYZE) {
                phase.set(vacuum);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(vacuum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "history: written and analyzed in %s%n", Ticker.elapsed(started));
    }

    private String progress(int batches) {
        return String.format(Locale.ROOT, "%d of %d batches, %,d recipients written; %s", batchesDone.get(), batches,
                recipientsDone.get(), phase.get());
    }

    /** Seeding's own session: room to sort a batch's messages in memory, and no wait for each commit's flush. */
    private static void session(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET work_mem = '64MB'");
            statement.execute("SET maintenance_work_mem = '256MB'");
            statement.execute("SET synchronous_commit = off");
        }
    }

    private static void writeBatch(Connection connection, int index, int size, long firstCustomer, long customers,
            Instant createdAt) throws SQLException {
        Instant sending = createdAt.plus(Duration.ofMinutes(2));
        Instant completed = sending.plusMillis(size / 12 + 2_000);
        long id;
        try (PreparedStatement insert = connection.prepareStatement(HistorySql.BATCH)) {
            set(insert, "history " + (index + 1), Benchmark.TEMPLATE, Timestamp.from(completed), CREATED_BY,
                    Timestamp.from(createdAt), Timestamp.from(completed));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        Integer[] areas = Arrays.stream(AREA_CODES).boxed().toArray(Integer[]::new);
        execute(connection, HistorySql.RECIPIENTS, id, connection.createArrayOf("int4", areas), firstCustomer, customers, size);
        execute(connection, HistorySql.PARTITIONS, id, GRID_SIZE);
        execute(connection, HistorySql.REJECTS, id, size / 500);
        execute(connection, HistorySql.MESSAGES, Benchmark.TEMPLATE, connection.createArrayOf("text", PREFIXES),
                connection.createArrayOf("text", ZONES), Timestamp.from(sending), id);
        execute(connection, HistorySql.RECEIPT_REFS, id);
        execute(connection, HistorySql.COUNTS, id);
        execute(connection, HistorySql.EVENTS, id);
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            set(statement, parameters);
            statement.executeUpdate();
        }
    }

    private static void set(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
