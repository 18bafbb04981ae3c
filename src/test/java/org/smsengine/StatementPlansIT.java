package org.smsengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.apache.ibatis.binding.MapperMethod;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.PlanSandbox.Statistics;
import org.smsengine.support.PlanSandbox;
import org.smsengine.support.PlanWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * Every hot statement keeps a plan linear in the rows it concerns, whatever the statistics: absent
 * (a new server), stale (analyzed before the new batch arrived, as autovacuum leaves them: the new
 * batch is estimated at one row) or fresh. Each statement runs, as the engine runs it (the SQL and
 * parameter binding of its MyBatis mapping), under {@code EXPLAIN ANALYZE} in a transaction that is
 * rolled back, against a new batch of {@value #ROWS} rows next to {@value #HISTORY} rows of history;
 * the work its plan did (rows produced and filtered, times loops) must stay within a few times the
 * page or the batch it concerns. A plan that walks the partition, the batch or the history for a
 * page, or loops over the batch once per row, is far beyond that.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class StatementPlansIT extends EngineIntegrationTest {

    static final int HISTORY = 250_000;
    static final int ROWS = 20_000;
    /** Rows per page of the per-page statements: small next to a partition (ROWS / 4). */
    static final int PAGE = 50;
    static final long NEW = PlanSandbox.NEW;
    static final int EXECUTIONS = 5_000;
    static final int STEPS_PER_EXECUTION = 30;
    static final int FINISHED_JOBS = 20_000;
    static final int RUNNING_JOBS = 4;
    static final int RUNNING_WORK = 2_000;
    static final int LOGIN_HISTORY = 200_000;
    /** Where the cluster cases' ids start (batches, job instances and executions; steps from there too). */
    static final long CLUSTER_IDS = 8_000_000_000_000L;
    /** Idempotency keys of the idempotency cases, half of them expired. */
    static final int KEYS = 200_000;
    private static final String UUID_TEXT = "00000000-0000-0000-0000-000000000001";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Configuration mybatis;
    private final DataSource dataSource;

    StatementPlansIT(SqlSessionFactory sessions, DataSource dataSource) {
        this.mybatis = sessions.getConfiguration();
        this.dataSource = dataSource;
    }

    @Test
    void everyHotStatementStaysLinearWithStatisticsAbsent() throws Exception {
        try (PlanSandbox sandbox = PlanSandbox.create(Statistics.ABSENT, HISTORY, ROWS)) {
            assertThat(beyondBounds(sandbox)).as("statements whose plans are out of proportion (no statistics)").isEmpty();
        }
    }

    @Test
    void everyHotStatementStaysLinearWithStatisticsStaleAndThenFresh() throws Exception {
        try (PlanSandbox sandbox = PlanSandbox.create(Statistics.STALE, HISTORY, ROWS)) {
            assertThat(beyondBounds(sandbox)).as("statements whose plans are out of proportion (stale statistics)").isEmpty();
            sandbox.analyze();
            assertThat(beyondBounds(sandbox)).as("statements whose plans are out of proportion (fresh statistics)").isEmpty();
        }
    }

    /** Each case whose plan did more work than its bound, with the plan. */
    private List<String> beyondBounds(PlanSandbox sandbox) throws SQLException {
        List<String> beyond = new ArrayList<>();
        try (Connection connection = sandbox.connect()) {
            connection.setAutoCommit(false);
            Ids ids = Ids.of(connection);
            for (Case c : cases(ids)) {
                PlanWork work = run(connection, c);
                if (work.rows() > c.bound()) {
                    beyond.add(c.name() + ": " + work.rows() + " rows of work, bound " + c.bound() + "\n" + work.plan());
                }
            }
        }
        return beyond;
    }

    /**
     * Generic plans are never used: planned once for any batch, "batch_id = $1" is estimated from the
     * table's average and became a scan of the whole table (measured when these cases also ran prepared
     * on the server with plan_cache_mode = force_generic_plan: 13 of them, the counts of a batch's
     * statuses among them, read every row of the sandbox's tables). The engine's connections plan every
     * statement for its own parameters.
     */
    @Test
    void theEnginePlansEveryStatementForItsOwnParameters() {
        assertThat(new JdbcTemplate(dataSource).queryForObject("SHOW plan_cache_mode", String.class))
                .isEqualTo("force_custom_plan");
    }

    /**
     * Spring Batch's own lookups by foreign key, which its schema does not index (V018 does): a job
     * execution's steps (every poll of a manager whose partitions run on other nodes, every restart) and
     * parameters, a job instance's executions (every launch), the last execution of a step (every step
     * start), and how often a job was lost with its node. Over {@value #EXECUTIONS} executions of
     * {@value #STEPS_PER_EXECUTION} steps, written just before (no statistics), as after months of batches;
     * each must read a few rows, not the tables.
     */
    @Test
    void theJobRepositoryFindsAJobsExecutionsAndStepsByIndexWhateverItsHistory() throws Exception {
        long base = 9_000_000_000_000L;
        long probe = base + EXECUTIONS / 2;
        Map<String, String> lookups = Map.of(
                "a job execution's steps", "SELECT * FROM batch_step_execution WHERE job_execution_id = " + probe
                        + " ORDER BY step_execution_id",
                "a job execution's parameters", "SELECT * FROM batch_job_execution_params WHERE job_execution_id = " + probe,
                "a job instance's executions", "SELECT * FROM batch_job_execution WHERE job_instance_id = " + probe
                        + " ORDER BY job_execution_id DESC",
                "the last execution of a step", """
                        SELECT se.* FROM batch_job_execution je JOIN batch_step_execution se ON se.job_execution_id = je.job_execution_id
                        WHERE je.job_instance_id = %d AND se.step_name = 'delivery-worker:partition3'
                        ORDER BY se.create_time DESC, se.step_execution_id DESC""".formatted(probe));
        List<String> beyond = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key) SELECT " + base
                        + " + i, 0, 'plan-history', md5(i::text) FROM generate_series(0, " + (EXECUTIONS - 1) + ") i");
                sql.execute("INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, status, "
                        + "exit_code, exit_message) SELECT " + base + " + i, 2, " + base + " + i, now(), 'COMPLETED', 'COMPLETED', "
                        + "'' FROM generate_series(0, " + (EXECUTIONS - 1) + ") i");
                sql.execute("INSERT INTO batch_job_execution_params (job_execution_id, parameter_name, parameter_type, "
                        + "parameter_value, identifying) SELECT " + base + " + i, 'batchId', 'java.lang.Long', i::text, 'Y' "
                        + "FROM generate_series(0, " + (EXECUTIONS - 1) + ") i");
                sql.execute("INSERT INTO batch_step_execution (step_execution_id, version, step_name, job_execution_id, "
                        + "create_time, status) SELECT " + base + " + i * " + STEPS_PER_EXECUTION + " + s, 3, "
                        + "'delivery-worker:partition' || s, " + base + " + i, now(), 'COMPLETED' FROM generate_series(0, "
                        + (EXECUTIONS - 1) + ") i, generate_series(0, " + (STEPS_PER_EXECUTION - 1) + ") s");
                for (Map.Entry<String, String> lookup : lookups.entrySet()) {
                    PlanWork work = explain(connection, lookup.getValue(), null,
                            new Case(lookup.getKey(), lookup.getValue(), null, List.of(), 0));
                    if (work.rows() > 20L * STEPS_PER_EXECUTION) {
                        beyond.add(lookup.getKey() + ": " + work.rows() + " rows of work\n" + work.plan());
                    }
                }
                MappedStatement lost = mybatis.getMappedStatement("org.smsengine.recovery.RecoveryMapper.countLostExecutions");
                BoundSql bound = lost.getBoundSql(probe);
                PlanWork work = explain(connection, bound.getSql(), new DefaultParameterHandler(lost, probe, bound),
                        new Case("recovery: a job's executions lost with their node", "", probe, List.of(), 0));
                if (work.rows() > 20L * STEPS_PER_EXECUTION) {
                    beyond.add("recovery: a job's executions lost with their node: " + work.rows() + " rows\n" + work.plan());
                }
            } finally {
                connection.rollback();
            }
        }
        assertThat(beyond).as("the job repository's lookups out of proportion to what they find").isEmpty();
    }

    /**
     * Login throttling and phone lookups (V024) read the rows of the user name or address they are about,
     * whatever the history: over {@value #LOGIN_HISTORY} failed logins of 20,000 user names from 2,000
     * addresses, as many lock-outs (all ended) and lookups, written just before (no statistics), each of
     * their statements reads about what its user name and address have (10 and 100 rows), not the tables.
     */
    @Test
    void loginThrottlingAndPhoneLookupsReadTheirOwnRowsNotTheHistory() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        Map<String, Object> attempt = Map.of("username", "user-7", "ip", "addr-7", "channel", "basic");
        Map<String, Map<String, Object>> statements = new java.util.LinkedHashMap<>();
        statements.put("org.smsengine.system.LoginThrottleMapper.lockedUntil",
                Map.of("username", "user-7", "ip", "addr-7", "now", now));
        statements.put("org.smsengine.system.LoginThrottleMapper.running", Map.of("now", now));
        statements.put("org.smsengine.system.LoginThrottleMapper.recordFailure", Map.of("attempt", attempt, "reason", "bad_password",
                "at", now, "since", now.minusSeconds(900), "until", now.plusSeconds(900), "userLimit", 5, "ipLimit", 50));
        statements.put("org.smsengine.system.LoginThrottleMapper.clearUser",
                Map.of("username", "user-7", "since", now.minusSeconds(900), "at", now));
        statements.put("org.smsengine.optout.PhoneLookupMapper.recordIfUnder", Map.of("username", "user-7", "endpoint", "GET x",
                "phone", "+12015550100", "at", now, "since", now.minusSeconds(60), "limit", 30));
        statements.put("org.smsengine.optout.PhoneLookupMapper.oldestSince", Map.of("username", "user-7", "since", now.minusSeconds(60)));
        List<String> beyond = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO login_failure (at, username, ip, channel, reason) SELECT now() - (i % 600) * interval '1 second',"
                        + " 'user-' || (i % 20000), 'addr-' || (i % 2000), 'basic', 'bad_password' FROM generate_series(1, "
                        + LOGIN_HISTORY + ") i");
                sql.execute("INSERT INTO login_lock (kind, subject, locked_at, until, failures) SELECT 'user', 'user-' || i,"
                        + " now() - interval '1 day', now() - interval '1 day' + interval '15 minutes', 5 FROM generate_series(1, "
                        + LOGIN_HISTORY + ") i");
                sql.execute("INSERT INTO phone_lookup (at, username, endpoint, phone) SELECT now() - (i % 50) * interval '1 second',"
                        + " 'user-' || (i % 20000), 'GET x', '+1201555' || lpad((i % 10000)::text, 4, '0') FROM generate_series(1, "
                        + LOGIN_HISTORY + ") i");
                for (Map.Entry<String, Map<String, Object>> statement : statements.entrySet()) {
                    MappedStatement mapped = mybatis.getMappedStatement(statement.getKey());
                    MapperMethod.ParamMap<Object> parameters = new MapperMethod.ParamMap<>();
                    parameters.putAll(statement.getValue());
                    BoundSql bound = mapped.getBoundSql(parameters);
                    PlanWork work = explain(connection, bound.getSql(), new DefaultParameterHandler(mapped, parameters, bound),
                            new Case(statement.getKey(), "", parameters, List.of(), 0));
                    if (work.rows() > 2_000) {
                        beyond.add(statement.getKey() + ": " + work.rows() + " rows of work\n" + work.plan());
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        assertThat(beyond).as("throttling's and lookups' statements out of proportion to what they are about").isEmpty();
    }

    /**
     * Recovery's and the cluster's periodic reads: lost jobs (every check interval, on one node), this
     * node's running jobs (start-up and shutdown), the nodes' view, a lost manager's live partitions and
     * the dead nodes' claims (every check), the manager's watch over its requests. Over a history of
     * {@value #FINISHED_JOBS} finished batches, each with its job execution of {@value #STEPS_PER_EXECUTION}
     * steps, and four running ones on six nodes, each must do about as much work as there is running (at
     * most {@value #RUNNING_WORK} rows, where the history's batches alone are ten times that), with
     * statistics absent, stale (analyzed when the history was a hundredth of it) and fresh; each in a
     * sandbox of its own, as an ANALYZE writes a table's size for good, even rolled back.
     */
    @Test
    void recoveryAndTheClusterReadWhatRunsNotTheHistory() throws Exception {
        List<String> beyond = new ArrayList<>();
        for (Statistics statistics : Statistics.values()) {
            try (PlanSandbox sandbox = PlanSandbox.of("batch_job_instance", "batch_job_execution", "batch_step_execution",
                    "sms_batch", "sms_node", "sms_partition_claim");
                 Connection connection = sandbox.connect();
                 Statement sql = connection.createStatement()) {
                int staleAt = statistics == Statistics.STALE ? FINISHED_JOBS / 100 : FINISHED_JOBS;
                // the running jobs (two of a live node, two of a node silent for an hour) and some or all of the history
                clusterJobs(sql, FINISHED_JOBS, FINISHED_JOBS + RUNNING_JOBS);
                clusterJobs(sql, 0, staleAt);
                sql.execute("INSERT INTO sms_node (node_id, host, heartbeat_at) SELECT 'plan-node-' || i, 'h', CASE WHEN i < 3 "
                        + "THEN now() ELSE now() - interval '1 hour' END FROM generate_series(0, 5) i");
                // the running jobs' first four partitions are claimed, by a live node and by a dead one
                sql.execute("INSERT INTO sms_partition_claim (step_execution_id, job_execution_id, step_name, batch_id, "
                        + "partition_no, node_id) SELECT step_execution_id, job_execution_id, step_name, job_execution_id, 0, "
                        + "CASE WHEN step_execution_id % 2 = 0 THEN 'plan-node-1' ELSE 'plan-node-5' END "
                        + "FROM batch_step_execution WHERE status = 'STARTED'");
                if (statistics != Statistics.ABSENT) {
                    sandbox.analyze();
                }
                clusterJobs(sql, staleAt, FINISHED_JOBS);
                connection.setAutoCommit(false);
                for (Case c : clusterCases()) {
                    PlanWork work = run(connection, c);
                    if (work.rows() > c.bound()) {
                        beyond.add(c.name() + " (statistics " + statistics + "): " + work.rows() + " rows of work\n" + work.plan());
                    }
                }
            }
        }
        assertThat(beyond).as("recovery's and the cluster's reads out of proportion to what runs").isEmpty();
    }

    /**
     * Jobs {@code from} to {@code to} (exclusive) of the cluster cases, each a batch with its job instance,
     * execution and steps: finished below {@value #FINISHED_JOBS}, running from there (the first four steps
     * STARTED, the rest STARTING), those of {@code plan-node-4} (silent) from half-way.
     */
    private static void clusterJobs(Statement sql, int from, int to) throws SQLException {
        if (from >= to) {
            return;
        }
        String jobs = " FROM generate_series(" + from + ", " + (to - 1) + ") i";
        sql.execute("INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key) SELECT " + CLUSTER_IDS
                + " + i, 0, 'plan-cluster', md5(i::text)" + jobs);
        sql.execute("INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, status, "
                + "exit_code, exit_message) SELECT " + CLUSTER_IDS + " + i, 2, " + CLUSTER_IDS + " + i, now(), CASE WHEN i < "
                + FINISHED_JOBS + " THEN 'COMPLETED' ELSE 'STARTED' END, 'COMPLETED', ''" + jobs);
        sql.execute("INSERT INTO batch_step_execution (step_execution_id, version, step_name, job_execution_id, create_time, "
                + "status) SELECT " + CLUSTER_IDS + " + i * " + STEPS_PER_EXECUTION + " + s, 3, 'delivery-worker:partition' || s, "
                + CLUSTER_IDS + " + i, now(), CASE WHEN i < " + FINISHED_JOBS + " THEN 'COMPLETED' WHEN s < 4 THEN 'STARTED' "
                + "ELSE 'STARTING' END" + jobs + ", generate_series(0, " + (STEPS_PER_EXECUTION - 1) + ") s");
        sql.execute("INSERT INTO sms_batch (id, name, state, template, source_format, phone_column, region, created_by, "
                + "job_execution_id, job_node) OVERRIDING SYSTEM VALUE SELECT " + CLUSTER_IDS + " + i, 'b', CASE WHEN i < "
                + FINISHED_JOBS + " THEN 'COMPLETED' ELSE 'DELIVERING' END, 't', 'CSV', 'phone', 'US', 'test', " + CLUSTER_IDS
                + " + i, 'plan-node-' || (CASE WHEN i < " + (FINISHED_JOBS + RUNNING_JOBS / 2) + " THEN i % 6 ELSE 4 END)" + jobs);
    }

    private static List<Case> clusterCases() {
        long firstRunning = CLUSTER_IDS + FINISHED_JOBS;
        // the manager's outstanding requests: every partition of the first running job
        Long[] requests = LongStream.range(0, STEPS_PER_EXECUTION)
                .mapToObj(s -> CLUSTER_IDS + (long) FINISHED_JOBS * STEPS_PER_EXECUTION + s).toArray(Long[]::new);
        String recovery = "org.smsengine.recovery.RecoveryMapper.";
        String cluster = "org.smsengine.cluster.";
        return List.of(
                new Case("recovery: lost jobs", recovery + "findLostJobs",
                        params("self", "plan-node-0", "timeoutMillis", 30_000L), List.of(), RUNNING_WORK),
                new Case("recovery: this node's running jobs", recovery + "findRunningJobs",
                        params("node", "plan-node-4"), List.of(), RUNNING_WORK),
                new Case("recovery: a lost manager's live partitions", recovery + "countLivePartitions",
                        params("executionId", firstRunning, "timeoutMillis", 30_000L), List.of(), RUNNING_WORK),
                new Case("recovery: dead nodes' claims", recovery + "forgetDeadClaims",
                        params("timeoutMillis", 30_000L), List.of(), RUNNING_WORK),
                new Case("recovery: batches working with no job running", recovery + "findStalled",
                        params("graceMillis", 30_000L), List.of(), RUNNING_WORK),
                new Case("cluster: the nodes and what they run", cluster + "NodeMapper.findAll",
                        params("timeoutMillis", 30_000L), List.of(), RUNNING_WORK),
                new Case("cluster: partitions by node", cluster + "ClaimMapper.countByNode", null, List.of(), RUNNING_WORK),
                new Case("cluster: the manager's unclaimed requests", cluster + "ClaimMapper.unclaimedStarting",
                        params("ids", requests), List.of(), RUNNING_WORK));
    }

    /**
     * Idempotency keys: claimed (a new key, and one held: its conflict), found and answered on every keyed
     * request, and purged a window at a time by housekeeping. Over {@value #KEYS} keys, a day's worth of
     * them expired, each must read about the rows it concerns (the purge: its window), with statistics
     * absent, stale (analyzed when the table was a hundredth of it) and fresh.
     */
    @Test
    void idempotencyKeysAreFoundByKeyAndPurgedAWindowAtATimeWhateverTheirNumber() throws Exception {
        List<String> beyond = new ArrayList<>();
        for (Statistics statistics : Statistics.values()) {
            try (PlanSandbox sandbox = PlanSandbox.of("sms_idempotency_key", "sms_node");
                 Connection connection = sandbox.connect();
                 Statement sql = connection.createStatement()) {
                int staleAt = statistics == Statistics.STALE ? KEYS / 100 : KEYS;
                idempotencyKeys(sql, 0, staleAt);
                if (statistics != Statistics.ABSENT) {
                    sandbox.analyze();
                }
                idempotencyKeys(sql, staleAt, KEYS);
                connection.setAutoCommit(false);
                for (Case c : idempotencyCases()) {
                    PlanWork work = run(connection, c);
                    if (work.rows() > c.bound()) {
                        beyond.add(c.name() + " (statistics " + statistics + "): " + work.rows() + " rows of work\n" + work.plan());
                    }
                }
            }
        }
        assertThat(beyond).as("idempotency keys' statements out of proportion to the rows they concern").isEmpty();
    }

    /** Keys {@code from} to {@code to} (exclusive): the first half created two days ago (expired), the rest within the hour. */
    private static void idempotencyKeys(Statement sql, int from, int to) throws SQLException {
        if (from < to) {
            sql.execute("INSERT INTO sms_idempotency_key (scope, idem_key, method, path, claim, node_id, created_at, "
                    + "work_committed, request_digest, status, content_type, body) SELECT 'user-' || (i % 50), 'key-' || i, "
                    + "'POST', '/api/v1/batches', gen_random_uuid(), 'plan-node', CASE WHEN i < " + KEYS / 2 + " THEN now() "
                    + "- interval '2 days' + i * interval '1 millisecond' ELSE now() - (i % 3600) * interval '1 second' END, "
                    + "true, '\\x00', 201, 'application/json', '\\x7b7d' FROM generate_series(" + from + ", " + (to - 1) + ") i");
        }
    }

    private static List<Case> idempotencyCases() {
        String keys = "org.smsengine.idempotency.IdempotencyMapper.";
        long keep = 86_400_000L;
        long timeout = 30_000L;
        Object held = keyedRequest("user-7", "key-" + (KEYS - 43));
        java.time.OffsetDateTime after = java.time.OffsetDateTime.now().minusDays(2).plusSeconds(30);
        return List.of(
                new Case("idempotency: a new key claimed", keys + "claim", params("request", keyedRequest("user-1", "new"),
                        "claim", UUID_TEXT, "node", "plan-node", "keepMillis", keep, "nodeTimeoutMillis", timeout), List.of(), 100),
                new Case("idempotency: a held key claimed", keys + "claim", params("request", held,
                        "claim", UUID_TEXT, "node", "plan-node", "keepMillis", keep, "nodeTimeoutMillis", timeout), List.of(), 100),
                new Case("idempotency: a key found", keys + "find", params("request", held, "keepMillis", keep,
                        "nodeTimeoutMillis", timeout), List.of(), 100),
                new Case("idempotency: where a window of expired keys ends", keys + "expiredWindowEnd",
                        params("after", after, "chunk", PAGE, "keepMillis", keep), List.of(), perPage()),
                new Case("idempotency: the first window of expired keys", keys + "expiredWindowEnd",
                        params("after", null, "chunk", PAGE, "keepMillis", keep), List.of(), perPage()),
                new Case("idempotency: a window of expired keys purged", keys + "purgeWindow",
                        params("after", after, "through", after.plusNanos(PAGE * 1_000_000L), "keepMillis", keep),
                        List.of(), perPage()));
    }

    /** A keyed request (a package-private record of the engine's). */
    private static Object keyedRequest(String scope, String key) {
        try {
            Class<?> request = Class.forName("org.smsengine.idempotency.KeyedRequest");
            var constructor = request.getDeclaredConstructor(String.class, String.class, String.class, String.class);
            constructor.setAccessible(true);
            return constructor.newInstance(scope, key, "POST", "/api/v1/batches");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement, the parameters the engine gives it, what must hold before it runs, and the work it may do. */
    record Case(String name, String statement, Object parameters, List<String> setUp, long bound) {
    }

    private static long perPage() {
        return 20L * PAGE + 200;
    }

    private static long perBatch() {
        return 10L * ROWS;
    }

    private List<Case> cases(Ids ids) {
        Long[] scattered = ids.scattered(0);
        Long[] acrossPartitions = ids.acrossPartitions();
        String scatteredList = list(scattered);
        String acrossList = list(acrossPartitions);
        List<Case> cases = new ArrayList<>();
        String recipients = "org.smsengine.recipient.RecipientMapper.";
        String delivery = "org.smsengine.delivery.DeliveryMapper.";
        String housekeeping = "org.smsengine.scheduling.HousekeepingMapper.";
        String prepare = "SELECT set_config('work_mem', '128MB', true) || set_config('enable_nestloop', 'off', true)";

        cases.add(new Case("screening: opted out", recipients + "rejectOptedOut", NEW, List.of(prepare), perBatch()));
        cases.add(new Case("screening: duplicates", recipients + "rejectDuplicates", NEW, List.of(prepare), perBatch()));
        cases.add(new Case("partition: row range", recipients + "rowRange", NEW, List.of(), perBatch()));
        cases.add(new Case("preparation: a page of recipients", recipients + "findWindow",
                params("batchId", NEW, "afterRow", ROWS / 2, "throughRow", ROWS / 2 + PAGE), List.of(), perPage()));

        cases.add(new Case("claim first attempts", delivery + "claimFirstAttempts",
                params("batchId", NEW, "partitionNo", 0, "afterId", 0L, "limit", PAGE), List.of(), perPage()));
        cases.add(new Case("claim due retries", delivery + "claimDueRetries",
                params("batchId", NEW, "partitionNo", 0, "limit", PAGE),
                List.of(setStatus(scatteredList, "RETRYING"),
                        "INSERT INTO sms_retry SELECT " + NEW + ", 0, id, now() - interval '1 second' FROM unnest('" + scatteredList
                                + "'::bigint[]) AS k(id)",
                        "INSERT INTO sms_retry SELECT " + NEW + ", partition_no, id, now() + interval '1 hour' FROM sms_message"
                                + " WHERE batch_id = " + NEW + " ON CONFLICT DO NOTHING"),
                perPage()));
        cases.add(new Case("next retry due", delivery + "nextRetryDue", params("batchId", NEW, "partitionNo", 0),
                List.of("INSERT INTO sms_retry SELECT " + NEW + ", partition_no, id, now() + interval '1 hour' FROM sms_message"
                        + " WHERE batch_id = " + NEW), perPage()));
        cases.add(new Case("parts already accepted", delivery + "acceptedParts",
                params("batchId", NEW, "messageIds", scattered), List.of(), perPage()));
        cases.add(new Case("record outcomes", delivery + "recordOutcomes",
                params("batchId", NEW, "partitionNo", 0, "providers", fill(scattered.length, "p"), "ids", scattered,
                        "statuses", fill(scattered.length, "SENT"), "providerIds", fill(scattered.length, "x"),
                        "errors", new String[scattered.length], "retryables", fill(scattered.length, false)),
                List.of(setStatus(scatteredList, "SENDING")), perPage()));
        cases.add(new Case("release unsubmitted", delivery + "releaseUnsubmitted",
                params("batchId", NEW, "partitionNo", 0, "ids", scattered), List.of(setStatus(scatteredList, "SENDING")),
                perPage()));
        cases.add(new Case("defer to the window", delivery + "defer",
                params("batchId", NEW, "partitionNo", 0, "ids", scattered,
                        "dueMillis", fill(scattered.length, System.currentTimeMillis() + 3_600_000L)),
                List.of(setStatus(scatteredList, "SENDING")), perPage()));
        cases.add(new Case("queue retries", delivery + "queueRetries",
                params("batchId", NEW, "partitionNo", 0, "ids", scattered, "retryInMillis", fill(scattered.length, 1000L)),
                List.of(), perPage()));
        cases.add(new Case("match receipts", delivery + "matchReceipts",
                params("provider", "p", "providerIds", LongStream.of(unbox(acrossPartitions)).mapToObj(id -> "new-" + id)
                        .toArray(String[]::new)), List.of(setStatus(acrossList, "SENT")), perPage()));
        cases.add(new Case("apply receipts", delivery + "applyReceipts",
                params("batchIds", fill(acrossPartitions.length, NEW), "partitionNos", ids.partitionsOf(acrossPartitions),
                        "ids", acrossPartitions, "statuses", fill(acrossPartitions.length, "DELIVERED"),
                        "partsDelivered", fill(acrossPartitions.length, 1),
                        "deliveredParts", new String[acrossPartitions.length], "errors", new String[acrossPartitions.length],
                        "deliveredAts", fill(acrossPartitions.length, "2026-11-27T10:00:00Z"),
                        "receiptAts", fill(acrossPartitions.length, "2026-11-27T10:00:00.123Z")),
                List.of(setStatus(acrossList, "SENT")), perPage()));
        cases.add(new Case("receipt references", "org.smsengine.delivery.ReceiptRefMapper.insert",
                params("providers", fill(scattered.length, "p"), "providerIds", LongStream.of(unbox(scattered)).mapToObj(id -> "again-" + id)
                        .toArray(String[]::new), "batchIds", fill(scattered.length, NEW),
                        "partitionNos", fill(scattered.length, 0), "messageIds", scattered, "parts", fill(scattered.length, 2),
                        "partCounts", fill(scattered.length, 1)),
                List.of(), perPage()));
        cases.add(new Case("abort: cancel unsent", delivery + "cancelUnsent", params("batchId", NEW), List.of(), perBatch()));
        cases.add(new Case("forecast: messages by country", "org.smsengine.routing.ForecastMapper.count",
                params("batchId", NEW, "prefixLength", 5), List.of(), perBatch()));
        cases.add(new Case("retry: requeue failures", delivery + "requeueRetryable", params("batchId", NEW),
                List.of(setStatus(scatteredList, "FAILED")), perBatch()));
        cases.add(new Case("recovery: messages in doubt", delivery + "recoverInDoubt",
                params("batchId", NEW, "partitionNo", null, "resend", true), List.of(setStatus(scatteredList, "SENDING")), perBatch()));
        cases.add(new Case("cluster: a lost partition's messages in doubt", delivery + "recoverInDoubt",
                params("batchId", NEW, "partitionNo", 0, "resend", true), List.of(setStatus(scatteredList, "SENDING")), perBatch()));
        cases.add(new Case("statistics: retryable", delivery + "countRetryable", params("batchId", NEW), List.of(), perBatch()));
        cases.add(new Case("statistics: statuses", delivery + "countStatuses", NEW, List.of(), perBatch()));

        // the console's batches list: a page newest first, of a state and/or by a part of the name (no match:
        // the worst case, every batch of that state read); the batch rows number thousands, never millions
        String batches = "org.smsengine.batch.BatchMapper.";
        cases.add(new Case("console: batches by name", batches + "list",
                params("state", null, "name", "no such name", "offset", 0L, "limit", 20), List.of(), perPage()));
        cases.add(new Case("console: batches of a state by name", batches + "list",
                params("state", "COMPLETED", "name", "no such name", "offset", 0L, "limit", 20), List.of(), perPage()));
        cases.add(new Case("console: batches counted by name", batches + "count",
                params("state", null, "name", "no such name"), List.of(), perPage()));
        // a batch's figures are its row plus its counter slots (a few per partition until they are folded)
        String slots = "INSERT INTO sms_batch_tally (batch_id, slot, sent, delivered) SELECT " + NEW
                + ", s, 1, 1 FROM generate_series(-" + PlanSandbox.PARTITIONS + ", " + (PlanSandbox.PARTITIONS - 1) + ") AS s";
        cases.add(new Case("progress: a batch with its slots", batches + "find", NEW, List.of(slots), perPage()));
        cases.add(new Case("fold: a batch's slots into its row", batches + "foldSlots", params("id", NEW), List.of(slots),
                perPage()));
        String messages = "org.smsengine.message.MessageMapper.";
        cases.add(new Case("messages: first page", messages + "page",
                params("batchId", NEW, "status", null, "offset", 0L, "limit", PAGE), List.of(), perPage()));
        cases.add(new Case("messages: page by status", messages + "page",
                params("batchId", NEW, "status", "FAILED", "offset", 0L, "limit", PAGE), List.of(), perBatch()));
        cases.add(new Case("console: outcomes of a batch", messages + "outcomes", params("batchId", NEW, "limit", 30),
                List.of(), perBatch()));
        cases.add(new Case("messages: count by status", messages + "count", params("batchId", NEW, "status", "PREPARED"),
                List.of(), perBatch()));
        cases.add(new Case("report: next page", messages + "pageAfter",
                params("batchId", NEW, "afterPartition", 1, "afterId", ids.first(1) + ROWS / 8, "limit", PAGE), List.of(),
                perPage()));
        cases.add(new Case("rejects: a window", "org.smsengine.recipient.RejectMapper.window",
                params("batchId", NEW, "afterRow", ROWS + ROWS / 20, "throughRow", ROWS + ROWS / 20 + PAGE), List.of(),
                perPage()));
        cases.add(new Case("rejects: the last", "org.smsengine.recipient.RejectMapper.lastRow", params("batchId", NEW),
                List.of(), perBatch()));

        cases.add(new Case("housekeeping: overdue batches", housekeeping + "batchesWithOverdueReceipts",
                params("timeoutMillis", 86_400_000L), List.of(), perPage()));
        cases.add(new Case("housekeeping: where a batch's messages lie", housekeeping + "keyRanges",
                params("table", "sms_message", "batchId", NEW), List.of(), perBatch()));
        cases.add(new Case("housekeeping: a window of overdue receipts", housekeeping + "expireWindow",
                params("batchId", NEW, "window", window(1, ids.first(1) + ROWS / 8, PAGE), "timeoutMillis", 86_400_000L,
                        "status", "EXPIRED"),
                List.of("UPDATE sms_message SET status = 'SENT', sent_at = now() - interval '3 days' WHERE batch_id = " + NEW),
                perPage()));
        // where a window starts in each table's keys: inside the new batch's rows
        Map<String, Long> starts = Map.of("sms_receipt_ref", ids.first(0) + ROWS / 16, "sms_retry", ids.first(0),
                "sms_message", ids.first(0) + ROWS / 16, "sms_reject", (long) ROWS + ROWS / 40, "sms_recipient", (long) ROWS / 8,
                "sms_partition", -1L, "sms_upload_chunk", 0L);
        starts.forEach((table, after) -> {
            int partition = table.equals("sms_message") || table.equals("sms_retry") ? 0 : -1;
            cases.add(new Case("retention: where the batch's rows of " + table + " lie", housekeeping + "keyRanges",
                    params("table", table, "batchId", NEW), List.of(), perBatch()));
            cases.add(new Case("retention: a window of " + table, housekeeping + "purgeWindow",
                    params("table", table, "batchId", NEW, "window", window(partition, after, PAGE)), List.of(), perPage()));
        });
        String audiences = "org.smsengine.audience.AudienceMapper.";
        String screening = "org.smsengine.delivery.screening.";
        String optOuts = "org.smsengine.optout.";
        String inbound = "org.smsengine.inbound.";
        // a page of the new batch's numbers: every hundredth opted out; some of the history's, which have a frequency row
        String[] page = java.util.stream.IntStream.range(0, PAGE)
                .mapToObj(i -> i % 10 == 0 ? "+1201" + String.format("%07d", i + 1) : "+1202" + String.format("%07d", i * 97 + 1))
                .toArray(String[]::new);
        page[1] = "+12030000001";
        cases.add(new Case("consent: screen a page", screening + "ScreeningMapper.screen",
                params("batchId", NEW, "sender", "", "phones", page, "counts", null, "seconds", null, "keep", 0),
                List.of(), perPage()));
        cases.add(new Case("consent: screen a page under frequency caps", screening + "ScreeningMapper.screen",
                params("batchId", NEW, "sender", "", "phones", page, "counts", new Integer[] {1, 3},
                        "seconds", new Long[] {14_400L, 604_800L}, "keep", 3),
                List.of(), perPage()));
        cases.add(new Case("consent: the newest opt-outs", screening + "ScreeningMapper.changesSince",
                params("since", java.time.OffsetDateTime.now().minusSeconds(2)),
                List.of("INSERT INTO sms_opt_out_event (phone, action, source, actor) VALUES ('+12029999999', 'added', 'keyword', 'k')"),
                perPage()));
        cases.add(new Case("consent: a slice of an import merged", optOuts + "OptOutMapper.mergeStaged",
                params("importId", 1L, "after", HISTORY / 2, "through", HISTORY / 2 + PAGE, "reason", null, "actor", "t"),
                List.of(), perPage()));
        cases.add(new Case("inbound: a number's messages", inbound + "InboundMapper.page",
                params("phone", "+12010000007", "keyword", null, "batchId", null, "offset", 0L, "limit", PAGE),
                List.of(), perPage()));
        cases.add(new Case("inbound: a batch's messages", inbound + "InboundMapper.page",
                params("phone", null, "keyword", null, "batchId", NEW, "offset", 0L, "limit", PAGE),
                List.of(), perPage()));
        cases.add(new Case("opt-outs: a page of one source", optOuts + "OptOutQueryMapper.page",
                params("source", "api", "sources", List.of("api", "import", "keyword"), "offset", 0L, "size", PAGE),
                List.of(), perPage()));
        cases.add(new Case("opt-outs: a page of the whole list", optOuts + "OptOutQueryMapper.page",
                params("source", null, "sources", List.of("api", "import", "keyword"), "offset", 0L, "size", PAGE),
                List.of(), perPage()));
        cases.add(new Case("opt-outs: the export's next window", optOuts + "OptOutQueryMapper.after",
                params("afterPhone", "+12030001000", "limit", PAGE), List.of(), perPage()));
        cases.add(new Case("consent: held messages suppressed", delivery + "suppress",
                params("batchId", NEW, "partitionNo", 0, "ids", scattered, "reasons", fill(scattered.length, "opted_out")),
                List.of(setStatus(scatteredList, "SENDING")), perPage()));
        cases.add(new Case("validity: a partition's rest suppressed", delivery + "expireRest",
                params("batchId", NEW, "partitionNo", 0, "reason", "validity_passed"), List.of(), perBatch()));
        cases.add(new Case("retention: where a window of contacts ends", housekeeping + "phoneWindowEnd",
                params("table", "sms_contact", "after", "+12010001000", "chunk", PAGE), List.of(), perPage()));
        cases.add(new Case("retention: a window of contacts", housekeeping + "purgePhoneWindow",
                params("table", "sms_contact", "after", "+12010001000", "through", "+12010001050", "olderThanMillis", 1000L),
                List.of(), perPage()));
        cases.add(new Case("retention: a window of send times", housekeeping + "purgePhoneWindow",
                params("table", "sms_frequency", "after", "+12010001000", "through", "+12010001050", "olderThanMillis", 1000L),
                List.of(), perPage()));
        cases.add(new Case("inbound: the export's next window", inbound + "InboundMapper.window",
                params("phone", null, "keyword", null, "batchId", NEW, "before", Long.MAX_VALUE, "limit", PAGE),
                List.of(), perPage()));
        cases.add(new Case("audience: duplicates", audiences + "countDuplicates", params("id", 2L), List.of(), perBatch()));
        cases.add(new Case("audience: numbers forgotten", audiences + "forgetPhones", params("id", 2L), List.of(), perBatch()));
        return cases;
    }

    /** Runs the case's set-up, then its statement under EXPLAIN ANALYZE, and rolls everything back. */
    private PlanWork run(Connection connection, Case c) throws SQLException {
        MappedStatement statement = mybatis.getMappedStatement(c.statement());
        BoundSql bound = statement.getBoundSql(c.parameters());
        try (Statement sql = connection.createStatement()) {
            for (String setUp : c.setUp()) {
                sql.execute(setUp);
            }
            return explain(connection, bound.getSql(), new DefaultParameterHandler(statement, c.parameters(), bound), c);
        } finally {
            connection.rollback();
        }
    }

    private static PlanWork explain(Connection connection, String sql, DefaultParameterHandler parameters, Case c)
            throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)) {
            if (parameters != null) {
                parameters.setParameters(explain);
            }
            try (ResultSet result = explain.executeQuery()) {
                result.next();
                return PlanWork.of(JSON.readTree(result.getString(1)));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (SQLException e) {
            throw new SQLException(c.name() + ": " + e.getMessage(), e);
        }
    }

    private static String setStatus(String idList, String status) {
        return "UPDATE sms_message SET status = '" + status + "' WHERE batch_id = " + NEW + " AND id = ANY ('" + idList
                + "'::bigint[])";
    }

    private static MapperMethod.ParamMap<Object> params(Object... namesAndValues) {
        MapperMethod.ParamMap<Object> params = new MapperMethod.ParamMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    /** A housekeeping window of {@code size} keys after {@code after} (a package-private record of the engine's). */
    private static Object window(int partitionNo, long after, int size) {
        try {
            Class<?> window = Class.forName("org.smsengine.scheduling.HousekeepingMapper$Window");
            var constructor = window.getDeclaredConstructor(int.class, long.class, long.class);
            constructor.setAccessible(true);
            return constructor.newInstance(partitionNo, after, after + size);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] fill(int n, T value) {
        T[] values = (T[]) java.lang.reflect.Array.newInstance(value.getClass(), n);
        java.util.Arrays.fill(values, value);
        return values;
    }

    private static long[] unbox(Long[] values) {
        return java.util.Arrays.stream(values).mapToLong(Long::longValue).toArray();
    }

    private static String list(Long[] ids) {
        return "{" + String.join(",", java.util.Arrays.stream(ids).map(String::valueOf).toList()) + "}";
    }

    /** The new batch's message ids: where each partition starts, and pages spread over them. */
    record Ids(long[] firsts, int perPartition) {

        static Ids of(Connection connection) throws SQLException {
            long[] firsts = new long[PlanSandbox.PARTITIONS];
            try (Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT partition_no, min(id) FROM sms_message WHERE batch_id = " + NEW
                         + " GROUP BY partition_no")) {
                while (rows.next()) {
                    firsts[rows.getInt(1)] = rows.getLong(2);
                }
            }
            connection.commit();
            return new Ids(firsts, ROWS / PlanSandbox.PARTITIONS);
        }

        long first(int partition) {
            return firsts[partition];
        }

        /** A page of ids spread evenly over the whole of one partition (as retries are). */
        Long[] scattered(int partition) {
            long stride = perPartition / PAGE;
            return LongStream.range(0, PAGE).mapToObj(i -> firsts[partition] + i * stride).toArray(Long[]::new);
        }

        /** A page of ids spread over every partition (as a pass of receipts is). */
        Long[] acrossPartitions() {
            long stride = (long) perPartition * PlanSandbox.PARTITIONS / PAGE;
            return LongStream.range(0, PAGE).mapToObj(i -> firsts[(int) (i * stride / perPartition)] + i * stride % perPartition)
                    .toArray(Long[]::new);
        }

        Integer[] partitionsOf(Long[] ids) {
            Integer[] partitions = new Integer[ids.length];
            for (int i = 0; i < ids.length; i++) {
                int p = PlanSandbox.PARTITIONS - 1;
                while (ids[i] < firsts[p]) {
                    p--;
                }
                partitions[i] = p;
            }
            return partitions;
        }
    }
}
