package org.smsengine.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The engine's PostgreSQL as the benchmark reads it: the server's settings, what it is busy with, how large the history is. */
final class EngineDatabase {

    private static final String SERVER = """
            SELECT current_setting('server_version'), current_setting('autovacuum'),
                   current_setting('synchronous_commit'), current_setting('shared_buffers'), current_setting('work_mem')
            """;
    /** The engine's oldest running statement: what a step that stopped moving waits on. */
    private static final String LONGEST_ACTIVE = """
            SELECT extract(epoch FROM now() - query_start)::int, left(regexp_replace(query, '\\s+', ' ', 'g'), 200)
            FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()
              AND backend_type = 'client backend'
            ORDER BY query_start
            LIMIT 1
            """;
    /** The history's batches and recipients, and all batches, messages and sizes. */
    private static final String SIZE = """
            SELECT count(*) FILTER (WHERE created_by = ?), coalesce(sum(valid) FILTER (WHERE created_by = ?), 0),
                   count(*), coalesce(sum(prepared), 0),
                   pg_total_relation_size('sms_message'), pg_database_size(current_database())
            FROM sms_batch
            """;

    /** Every STOP the engine has stored, from any number (an MO's {@code received_at} is when it was stored). */
    private static final String STOPS = "SELECT count(*) FROM sms_inbound WHERE keyword = 'STOP'";

    private final String jdbcUrl;

    EngineDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /** The settings that change the figures, autovacuum first: with it off, statistics never move behind the engine's back. */
    record Server(String version, boolean autovacuum, String synchronousCommit, String sharedBuffers, String workMem) {

        String describe() {
            return "PostgreSQL " + version + ": autovacuum " + (autovacuum ? "on" : "off") + ", synchronous_commit "
                    + synchronousCommit + ", shared_buffers " + sharedBuffers + ", work_mem " + workMem;
        }
    }

    Server server() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(SERVER)) {
            row.next();
            return new Server(row.getString(1), row.getString(2).equals("on"), row.getString(3), row.getString(4),
                    row.getString(5));
        }
    }

    /** "for 42 s: SELECT ...", or null when the engine has no statement running. */
    String longestActiveQuery() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(LONGEST_ACTIVE)) {
            return row.next() ? "for " + row.getInt(1) + " s: " + row.getString(2) : null;
        }
    }

    /**
     * The history ({@code createdBy}'s batches and their recipients) and everything in the tables: every
     * batch, their messages (by their counters), the messages table's and the database's size.
     */
    record Size(long historyBatches, long historyRecipients, long batches, long messages, long messageTableBytes,
            long databaseBytes) {
    }

    Size size(String createdBy) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(SIZE)) {
            query.setString(1, createdBy);
            query.setString(2, createdBy);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Size(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                        row.getLong(6));
            }
        }
    }

    long stopsStored() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(STOPS)) {
            row.next();
            return row.getLong(1);
        }
    }
}
