package org.smsengine.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another engine node: the packaged jar ({@code target/sms-engine.jar}, built by {@code package}
 * before the integration tests run) in a child JVM, on the tests' database and Redis. Tests kill it
 * for real ({@code kill -9}) or tell it to stop, as a deploy does ({@code SIGTERM}).
 */
public final class ChildEngine implements AutoCloseable {

    public static final Path JAR = Path.of("target/sms-engine.jar");
    public static final String USER = "child";

    private final Process process;
    private final int port;

    private ChildEngine(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ChildEngine start(Map<String, String> properties, Path log) throws IOException, InterruptedException {
        int port = TestServices.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString(), "--server.port=" + port));
        // a key given twice on the command line would be read as both values, comma-separated: the caller's wins
        TestServices.properties().forEach((key, value) -> {
            if (!properties.containsKey(key)) {
                command.add("--" + key + "=" + value);
            }
        });
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SMS_SECURITY_USERS_0_NAME", USER);
        builder.environment().put("SMS_SECURITY_USERS_0_PASSWORD", "{noop}" + USER);
        builder.environment().put("SMS_SECURITY_USERS_0_ROLES", "ADMIN");
        Process process = builder.start();
        // an engine outlives the test that started it unless it is stopped: one that failed to start, or one left
        // running when the test JVM ends, would go on taking the machine's CPU and its database's connections
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop child engine " + port));
        try {
            EngineHealth.await(process, "http://localhost:" + port, Duration.ofMinutes(2), log.toString());
        } catch (RuntimeException | Error | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        return new ChildEngine(process, port);
    }

    public ApiClient api() {
        return new ApiClient(port, USER, USER);
    }

    /** {@code kill -9}: no shutdown hook, no graceful anything. */
    public void kill() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * {@code SIGTERM} ({@link Process#destroy()} on Unix), as a deploy or a scale-down sends it: the
     * engine shuts down gracefully. Waits at most {@code atMost} for the process to exit and returns
     * how long it took (at least {@code atMost} when it is still running).
     */
    public Duration terminate(Duration atMost) throws InterruptedException {
        long sent = System.nanoTime();
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            // still running: what it waits on, for whoever reads the failure
            Path dump = Path.of("target", "child-engine-" + process.pid() + ".jstack");
            try {
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                        Long.toString(process.pid())).redirectErrorStream(true).redirectOutput(dump.toFile()).start()
                        .waitFor(20, TimeUnit.SECONDS);
                System.err.println("The child engine did not exit within " + atMost + "; its threads: " + dump.toAbsolutePath());
            } catch (IOException e) {
                System.err.println("The child engine did not exit within " + atMost + "; jstack failed: " + e.getMessage());
            }
        }
        return Duration.ofNanos(System.nanoTime() - sent);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
