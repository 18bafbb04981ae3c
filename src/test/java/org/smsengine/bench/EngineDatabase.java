package org.smsengine.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The engine's PostgreSQL as the benchmark reads it: what it is busy with. */
final class EngineDatabase {

    /** The engine's oldest running statement: what a step that stopped moving waits on. */
    private static final String LONGEST_ACTIVE = """
            SELECT extract(epoch FROM now() - query_start)::int, left(regexp_replace(query, '\\s+', ' ', 'g'), 200)
            FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()
              AND backend_type = 'client backend'
            ORDER BY query_start
            LIMIT 1
            """;
    private final String jdbcUrl;

    EngineDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    /** "for 42 s: SELECT ...", or null when the engine has no statement running. */
    String longestActiveQuery() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(LONGEST_ACTIVE)) {
            return row.next() ? "for " + row.getInt(1) + " s: " + row.getString(2) : null;
        }
    }
}
