package org.smsengine.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * PostgreSQL and Redis for the tests and the development run: the ones named by
 * {@code SMS_TEST_PG_URL} / {@code SMS_TEST_REDIS_URL} when set (CI points them at the machine's
 * own services), otherwise embedded ones started once per JVM. Never an in-memory stand-in.
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
