package org.smsengine.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A schema of its own holding copies of the engine's tables, filled the way 90 days of use leave
 * them: a big finished batch (and other history) next to a new batch that is small beside it. Its
 * statistics are what a test asks for: {@link Statistics#ABSENT} (never analyzed), {@link
 * Statistics#STALE} (analyzed before the new batch arrived, as autovacuum leaves them) or {@link
 * Statistics#FRESH}. Autovacuum is off for these tables, so nothing changes that behind the test.
 */
public final class PlanSandbox implements AutoCloseable {

    public enum Statistics { ABSENT, STALE, FRESH }

    /** The history batch and the new one. */
    public static final long OLD = 1;
    public static final long NEW = 2;
    /** Another batch still delivering, whose retries share the queue's index. */
    public static final long OTHER = 3;
    public static final int PARTITIONS = 4;

    private static final List<String> TABLES = List.of("sms_batch", "sms_batch_tally", "sms_recipient", "sms_message", "sms_reject",
            "sms_retry", "sms_receipt_ref", "sms_partition", "sms_opt_out", "sms_upload_chunk", "sms_audience_phone",
            "sms_opt_out_event", "sms_frequency", "sms_contact", "sms_inbound", "sms_opt_out_staging");

    private final String url;
    private final String schema;
    private final List<String> tables;
    private final int history;
    private final int rows;

    private PlanSandbox(String url, String schema, List<String> tables, int history, int rows) {
        this.url = url;
        this.schema = schema;
        this.tables = tables;
        this.history = history;
        this.rows = rows;
    }

    /** A sandbox with {@code history} rows of the old batch and {@code rows} of the new one. */
    public static PlanSandbox create(Statistics statistics, int history, int rows) throws SQLException {
        PlanSandbox sandbox = empty(TABLES, history, rows);
        try (Connection connection = sandbox.connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE SEQUENCE sms_progress_seq");   // the engine's statements take progress_seq from it
            sql.execute(sandbox.history());
        }
        if (statistics == Statistics.STALE) {
            sandbox.analyze();
        }
        try (Connection connection = sandbox.connect(); Statement sql = connection.createStatement()) {
            sql.execute(sandbox.newBatch());
        }
        if (statistics == Statistics.FRESH) {
            sandbox.analyze();
        }
        return sandbox;
    }

    /**
     * Empty copies of these tables (of the engine's, or Spring Batch's), with their indexes, for a test
     * that fills them itself: never analyzed until it says so.
     */
    public static PlanSandbox of(String... tables) throws SQLException {
        return empty(List.of(tables), 0, 0);
    }

    private static PlanSandbox empty(List<String> tables, int history, int rows) throws SQLException {
        String url = TestServices.properties().get("spring.datasource.url");
        PlanSandbox sandbox = new PlanSandbox(url, "plans_" + UUID.randomUUID().toString().substring(0, 8), tables, history, rows);
        try (Connection connection = sandbox.connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA " + sandbox.schema);
            for (String table : tables) {
                sql.execute("CREATE TABLE " + table + " (LIKE public." + table + " INCLUDING ALL) WITH (autovacuum_enabled = false)");
            }
        }
        return sandbox;
    }

    /** Statistics from now on: what they say is true. */
    public void analyze() throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            for (String table : tables) {
                sql.execute("ANALYZE " + table);
            }
        }
    }

    /** A connection whose statements see the sandbox's tables (and nothing of the engine's own). */
    public Connection connect() throws SQLException {
        Map<String, String> services = TestServices.properties();
        Connection connection = DriverManager.getConnection(url, services.get("spring.datasource.username"),
                services.get("spring.datasource.password"));
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET search_path TO " + schema);
        }
        return connection;
    }

    public int rows() {
        return rows;
    }

    private String history() {
        return """
                INSERT INTO sms_batch (id, name, state, template, source_format, phone_column, region, created_by, row_count,
                    valid, prepared, sent, delivered, created_at)
                OVERRIDING SYSTEM VALUE
                VALUES (%1$d, 'old', 'COMPLETED', 'Hi {{name}}', 'CSV', 'phone', 'US', 'test', %2$d, %2$d, %2$d, %2$d, %2$d,
                        now() - interval '30 days'),
                       (%3$d, 'other', 'DELIVERING', 'Hi {{name}}', 'CSV', 'phone', 'US', 'test', 1000, 1000, 1000, 0, 0, now());
                INSERT INTO sms_recipient (batch_id, row_no, phone, vars, phone_given, raw)
                SELECT %1$d, g + 1, '+1201' || lpad(g::text, 7, '0'), '{"name":"x"}', 'p', 'raw' FROM generate_series(1, %2$d) g;
                INSERT INTO sms_message (batch_id, partition_no, row_no, phone, text, encoding, segments, status, provider,
                    provider_message_id, sent_at, delivered_at, time_zone)
                SELECT %1$d, (g - 1) * 4 / %2$d, g + 1, '+1201' || lpad(g::text, 7, '0'), 'Hi x', 'GSM7', 1, 'DELIVERED', 'p',
                    'old-' || g, now() - interval '30 days', now() - interval '30 days', 'America/New_York'
                FROM generate_series(1, %2$d) g;
                INSERT INTO sms_receipt_ref (provider, provider_message_id, batch_id, partition_no, message_id, part)
                SELECT 'p', provider_message_id, batch_id, partition_no, id, 1 FROM sms_message WHERE batch_id = %1$d;
                INSERT INTO sms_reject (batch_id, row_no, phone, reason, raw)
                SELECT %1$d, %2$d + 1 + g, 'x', 'invalid_number', 'raw' FROM generate_series(1, %2$d / 4) g;
                INSERT INTO sms_retry (batch_id, partition_no, message_id, due_at)
                SELECT %3$d, g %% 4, g, now() + interval '1 hour' FROM generate_series(1, %2$d / 10) g;
                INSERT INTO sms_opt_out (phone, source) SELECT '+1203' || lpad(g::text, 7, '0'), 'api' FROM generate_series(1, %2$d / 2) g;
                INSERT INTO sms_partition (batch_id, partition_no, first_row, last_row)
                SELECT %1$d, p, 2 + p * %2$d / 4, 1 + (p + 1) * %2$d / 4 FROM generate_series(0, 3) p;
                INSERT INTO sms_upload_chunk (batch_id, seq, data) SELECT %1$d, g, '\\x00' FROM generate_series(0, 99) g;
                INSERT INTO sms_audience_phone (audience_id, phone) SELECT 1, '+1201' || lpad(g::text, 7, '0') FROM generate_series(1, %2$d) g;
                INSERT INTO sms_opt_out_event (phone, action, source, actor, at)
                SELECT phone, 'added', 'api', 'test', now() - interval '30 days' FROM sms_opt_out;
                INSERT INTO sms_frequency (phone, sends, batches)
                SELECT '+1201' || lpad(g::text, 7, '0'), ARRAY[now() - interval '30 days'], ARRAY[%1$d::bigint] FROM generate_series(1, %2$d) g;
                INSERT INTO sms_contact (phone, sender, batch_id, claimed_at)
                SELECT '+1201' || lpad(g::text, 7, '0'), '', %1$d, now() - interval '30 days' FROM generate_series(1, %2$d) g;
                INSERT INTO sms_inbound (from_phone, to_address, text, keyword, action, provider, batch_id, received_at)
                SELECT '+1201' || lpad(g::text, 7, '0'), 'SHOP', 'STOP', 'STOP', 'opted_out', 'p', %1$d, now() - interval '30 days'
                FROM generate_series(1, %2$d / 10) g;
                INSERT INTO sms_opt_out_staging (import_id, row_no, phone)
                SELECT 1, g, '+1204' || lpad(g::text, 7, '0') FROM generate_series(1, %2$d) g;
                """.formatted(OLD, history, OTHER);
    }

    /** The new batch: every tenth row repeats the number of the row before it, every hundredth is opted out. */
    private String newBatch() {
        return """
                INSERT INTO sms_batch (id, name, state, template, source_format, phone_column, region, created_by, row_count,
                    valid, prepared, sent, delivered, created_at)
                OVERRIDING SYSTEM VALUE
                VALUES (%1$d, 'new', 'DELIVERING', 'Hi {{name}}', 'CSV', 'phone', 'US', 'test', %2$d, %2$d, %2$d, %2$d, 0,
                        now() - interval '3 days');
                INSERT INTO sms_recipient (batch_id, row_no, phone, vars, phone_given, raw)
                SELECT %1$d, g + 1, CASE WHEN g %% 100 = 0 THEN '+1203' || lpad((g / 100)::text, 7, '0')
                                         ELSE '+1202' || lpad((g - (CASE WHEN g %% 10 = 0 THEN 1 ELSE 0 END))::text, 7, '0') END,
                    '{"name":"x"}', 'p', 'raw' FROM generate_series(1, %2$d) g;
                INSERT INTO sms_message (batch_id, partition_no, row_no, phone, text, encoding, segments, status, time_zone)
                SELECT %1$d, (g - 1) * 4 / %2$d, g + 1, '+1202' || lpad(g::text, 7, '0'), 'Hi x', 'GSM7', 1, 'PREPARED',
                    'America/New_York'
                FROM generate_series(1, %2$d) g ORDER BY g;
                INSERT INTO sms_receipt_ref (provider, provider_message_id, batch_id, partition_no, message_id, part)
                SELECT 'p', 'new-' || id, batch_id, partition_no, id, 1 FROM sms_message WHERE batch_id = %1$d;
                INSERT INTO sms_reject (batch_id, row_no, phone, reason, raw)
                SELECT %1$d, %2$d + 1 + g, 'x', 'invalid_number', 'raw' FROM generate_series(1, %2$d / 10) g;
                INSERT INTO sms_partition (batch_id, partition_no, first_row, last_row)
                SELECT %1$d, p, 2 + p * %2$d / 4, 1 + (p + 1) * %2$d / 4 FROM generate_series(0, 3) p;
                INSERT INTO sms_upload_chunk (batch_id, seq, data) SELECT %1$d, g, '\\x00' FROM generate_series(0, 19) g;
                INSERT INTO sms_audience_phone (audience_id, phone)
                SELECT 2, '+1202' || lpad((g - (CASE WHEN g %% 10 = 0 THEN 1 ELSE 0 END))::text, 7, '0') FROM generate_series(1, %2$d) g;
                """.formatted(NEW, rows);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
