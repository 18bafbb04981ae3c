package org.smsengine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The SMSC simulator as its own process, started from the engine's jar (as docker-compose runs it). */
final class SimulatorProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int httpPort;

    private SimulatorProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static SimulatorProcess start(Path jar, int port, int httpPort, Map<String, String> settings, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", jar.toString(), "-Dloader.main=org.smsengine.simulator.SimulatorMain",
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--sms.simulator.port=" + port, "--sms.simulator.http-port=" + httpPort));
        settings.forEach((key, value) -> command.add("--sms.simulator." + key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a benchmark stopped by Ctrl-C never reaches close(): the simulator must not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("localhost", port)) {
                return new SimulatorProcess(process, httpPort);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The simulator did not start; see " + log);
    }

    /** The simulator's totals so far (since it started). */
    SimulatorCount count() throws IOException, InterruptedException {
        return SimulatorCount.of(accounting(null, null));
    }

    /** When the last {@code submit_sm} at or after {@code from} (epoch ms) was accepted, to 10 ms; 0 if none was. */
    long lastAcceptedAfter(long from) throws IOException, InterruptedException {
        return get("?from=" + from).get("lastAcceptedAt").asLong();
    }

    /** The simulator's accounting; with {@code from}/{@code to} (epoch ms) also the busiest second between them. */
    JsonNode accounting(Long from, Long to) throws IOException, InterruptedException {
        return get(from == null ? "" : "?from=" + from + "&to=" + to);
    }

    /** Waits until the engine has bound {@code sessions} sessions (after a restart it reconnects with a backoff). */
    void awaitBound(int sessions, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (get("").get("boundSessions").asInt() < sessions) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("The engine bound " + get("").get("boundSessions").asInt() + " of "
                        + sessions + " sessions to the simulator in " + timeoutMillis + " ms");
            }
            Thread.sleep(100);
        }
    }

    /**
     * A handset's message ({@code POST /mo}): delivered to the engine as an MO {@code deliver_sm};
     * returns the status, 202 once the engine has answered it (so it has stored it).
     */
    int injectMo(String from, String to, String text) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("from", from, "to", to, "text", text));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/mo"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode get(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/accounting" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
