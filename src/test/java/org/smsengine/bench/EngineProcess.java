package org.smsengine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged engine ({@code target/sms-engine.jar}) running in a child JVM with the benchmark's heap. */
final class EngineProcess implements AutoCloseable {

    static final String USER = "bench";
    static final String PASSWORD = "bench";

    private final Process process;
    private final int port;

    private EngineProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static EngineProcess start(Path jar, String heap, int port, Map<String, String> services, Path workDir)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Xms" + heap,
                "-Xlog:gc:file=" + workDir.resolve("gc.log") + ":uptime"));
        String extra = System.getProperty("bench.jvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--sms.upload.max-size=2GB"));
        services.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("engine.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SMS_SECURITY_USERS_0_NAME", USER);
        env.put("SMS_SECURITY_USERS_0_PASSWORD", "{noop}" + PASSWORD);
        env.put("SMS_SECURITY_USERS_0_ROLES", "ADMIN");
        EngineProcess engine = new EngineProcess(builder.start(), port);
        engine.awaitHealthy(Duration.ofMinutes(2));
        return engine;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The engine exited with " + process.exitValue() + "; see engine.log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The engine did not become healthy within " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
