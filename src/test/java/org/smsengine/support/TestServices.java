package org.smsengine.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * PostgreSQL and Redis for the tests and the development run: the ones named by
 * {@code SMS_TEST_PG_URL} / {@code SMS_TEST_REDIS_URL} when set (CI points them at the machine's
 * own services), otherwise embedded ones started once per JVM. Never an in-memory stand-in.
 * The cluster's tests also take an AMQP broker: {@code SMS_TEST_AMQP_URL} (CI: the machine's
 * RabbitMQ), otherwise Apache Qpid Broker-J started in the test JVM.
 */
public final class TestServices {

    private static Map<String, String> properties;

    private TestServices() {
    }

    /** Spring properties that point the engine at the services, starting embedded ones if needed. */
    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            Map<String, String> found = new LinkedHashMap<>();
            found.putAll(postgres());
            found.put("spring.data.redis.url", "redis://127.0.0.1:" + RedisProxy.PROXY.port());
            properties = Map.copyOf(found);
        }
        return properties;
    }

    /**
     * The engine under test reaches Redis through this proxy, so a test can make Redis unreachable
     * (and reachable again) without stopping a server other tests or runs may share.
     */
    public static TcpProxy redisProxy() {
        return RedisProxy.PROXY;
    }

    /** Where Redis really is. */
    public static String redisUrl() {
        String external = System.getenv("SMS_TEST_REDIS_URL");
        return external != null && !external.isBlank() ? external : EmbeddedRedis.URL;
    }

    private static Map<String, String> postgres() {
        String external = System.getenv("SMS_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return Map.of("spring.datasource.url", external, "spring.datasource.username", "postgres",
                    "spring.datasource.password", "");
        }
        return Map.of("spring.datasource.url", EmbeddedPg.POSTGRES.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres", "spring.datasource.password", "");
    }

    /** An AMQP 0-9-1 broker's address for {@code spring.rabbitmq.addresses}, starting an embedded one if none is named. */
    public static String amqpUrl() {
        String external = System.getenv("SMS_TEST_AMQP_URL");
        return external != null && !external.isBlank() ? external : EmbeddedBroker.URL;
    }

    public static boolean embedded() {
        String external = System.getenv("SMS_TEST_PG_URL");
        return external == null || external.isBlank();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Holder idiom: started on first use only, stopped when the JVM exits. */
    private static final class EmbeddedPg {
        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
    }

    private static final class RedisProxy {
        static final TcpProxy PROXY = start();

        private static TcpProxy start() {
            java.net.URI redis = java.net.URI.create(redisUrl());
            return new TcpProxy(redis.getHost(), redis.getPort());
        }
    }

    /**
     * Restarts the AMQP broker for real, as an operator's restart or a failover does: every connection dropped,
     * nothing listening for {@code down}, then the broker back on its address. The embedded Qpid keeps nothing
     * (a memory store: its queues and what they held are gone, as a broker that lost its disk); the machine's
     * RabbitMQ ({@code rabbitmqctl stop_app} / {@code start_app}) keeps its durable queues and their messages.
     */
    public static void restartBroker(Duration down) throws Exception {
        String external = System.getenv("SMS_TEST_AMQP_URL");
        if (external == null || external.isBlank()) {
            EmbeddedBroker.restart(down);
            return;
        }
        rabbitmqctl("stop_app");
        Thread.sleep(down.toMillis());          // the outage itself
        rabbitmqctl("start_app");
        rabbitmqctl("await_online_nodes", "1");
    }

    private static void rabbitmqctl(String... arguments) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("rabbitmqctl"));
        command.addAll(java.util.List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    /**
     * Qpid Broker-J in memory (nothing on disk but its work directory), on a free port, with the
     * user guest/guest over PLAIN (its configuration lets PLAIN through without TLS).
     */
    private static final class EmbeddedBroker {
        private static Map<String, Object> attributes;
        private static org.apache.qpid.server.SystemLauncher broker;
        static final String URL = start();

        private static String start() {
            int port = freePort();
            try {
                java.nio.file.Path work = java.nio.file.Files.createTempDirectory("qpid");
                attributes = new java.util.HashMap<>();
                attributes.put("type", "Memory");
                attributes.put("initialConfigurationLocation",
                        TestServices.class.getResource("/qpid-test-config.json").toExternalForm());
                attributes.put("startupLoggedToSystemOut", false);
                attributes.put("context", Map.of("qpid.amqp_port", Integer.toString(port), "qpid.work_dir", work.toString(),
                        "qpid.home_dir", work.toString()));
                broker = new org.apache.qpid.server.SystemLauncher();
                broker.startup(attributes);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> broker.shutdown()));
                return "amqp://guest:guest@127.0.0.1:" + port;
            } catch (Exception e) {
                throw new IllegalStateException("The embedded AMQP broker did not start", e);
            }
        }

        static synchronized void restart(Duration down) throws Exception {
            broker.shutdown();
            Thread.sleep(down.toMillis());      // the outage itself
            broker = new org.apache.qpid.server.SystemLauncher();
            broker.startup(attributes);
        }
    }

    private static final class EmbeddedRedis {
        static final String URL = start();

        private static String start() {
            int port = freePort();
            try {
                RedisServer redis = new RedisServer(port);
                redis.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        redis.stop();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                return "redis://127.0.0.1:" + port;
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded Redis did not start", e);
            }
        }
    }
}
