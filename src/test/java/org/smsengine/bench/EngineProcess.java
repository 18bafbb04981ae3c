package org.smsengine.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smsengine.support.EngineHealth;

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
        // a benchmark stopped by Ctrl-C never reaches close(): the engine must not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(engine.process::destroy));
        EngineHealth.await(engine.process, engine.baseUrl(), Duration.ofMinutes(2), workDir.resolve("engine.log").toString());
        return engine;
    }

    /** A JVM heap size as {@code -Xmx} takes it ({@code 512m}, {@code 1g}, {@code 524288k}), in megabytes. */
    static long heapMb(String heap) {
        String size = heap.strip().toLowerCase(java.util.Locale.ROOT);
        long number = Long.parseLong(size.replaceAll("[kmg]$", ""));
        return switch (size.charAt(size.length() - 1)) {
            case 'k' -> number / 1024;
            case 'm' -> number;
            case 'g' -> number * 1024;
            default -> number / (1024 * 1024);
        };
    }

    /** CPU time the engine's process has used so far (user and system), from /proc; -1 where there is no /proc. */
    long cpuMillis() {
        try {
            return cpuMillis(java.nio.file.Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time the engine's JIT compiler threads (C1, C2) have used so far, from {@code /proc/<pid>/task}: a cost each
     * fresh JVM pays once, not a cost per message. Threads the JVM has already retired are not counted, so
     * a difference of two readings can only understate it. -1 where there is no /proc.
     */
    long jitMillis() {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        long millis = 0;
        try (java.util.stream.Stream<Path> threads = java.nio.file.Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String stat = java.nio.file.Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        millis += cpuMillis(stat);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            }
            return millis;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User and system time of a process's or thread's {@code stat} line, in ms. */
    private static long cpuMillis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state is field 3 of stat, utime 14 and stime 15 (clock ticks, 100 per second on Linux)
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /**
     * {@code kill -9} of the engine: SIGKILL to its JVM (started directly as {@code java}, so the process is the JVM
     * itself, not a wrapper around it), as a lost machine would; no shutdown hook runs, nothing is handed over.
     * Returns once the process is gone.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("The engine's JVM (pid " + process.pid() + ") outlived SIGKILL for 30 s");
        }
    }

    /** The engine JVM's process id. */
    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
