package org.smsengine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.smsengine.support.ApiClient;

/**
 * One import of a CSV of numbers onto the opt-out list, as a client makes it: {@code POST /api/v1/opt-outs}
 * (the file read, checked and staged in the request, answered 202), then {@code GET .../imports/{id}} until
 * it is DONE (merged onto the list by the engine after the answer). Times run from the start of the upload.
 */
final class OptOutImport {

    /** Often enough for the merge's time to be right to a tenth of a second, rarely enough to cost the engine nothing. */
    private static final long POLL_MILLIS = 100;

    /**
     * What an import did and took: the import's own counts, the seconds until the 202 and until DONE, the file's
     * size, and the engine's heap over the whole of it.
     */
    record Figures(long id, long rows, long added, long already, long invalid, double acceptedSeconds, double doneSeconds,
            long bytes, GcLog gc) {

        double rowsPerSecond() {
            return rows / doneSeconds;
        }
    }

    private OptOutImport() {
    }

    static Figures run(EngineProcess engine, Path csv, Path gcLog, String label) throws Exception {
        int gcFrom = GcLog.lines(gcLog);
        ApiClient api = new ApiClient(engine.baseUrl(), EngineProcess.USER, EngineProcess.PASSWORD);
        AtomicLong id = new AtomicLong();
        long started = System.nanoTime();
        try (Ticker ignored = Ticker.start(label, () -> progressLine(api, id.get()))) {
            HttpResponse<String> response = Multipart.post(engine, "/api/v1/opt-outs",
                    Map.of("region", "US", "phoneColumn", "phone"), csv);
            if (response.statusCode() != 202) {
                throw new IllegalStateException("Opt-out import refused: " + response.statusCode() + " " + response.body());
            }
            double accepted = seconds(started);
            id.set(new ObjectMapper().readTree(response.body()).get("id").asLong());
            JsonNode done = api.await("/api/v1/opt-outs/imports/" + id.get(),
                    i -> !i.get("state").asText().equals("RUNNING"), Duration.ofMinutes(30), POLL_MILLIS);
            double doneSeconds = seconds(started);
            if (!done.get("state").asText().equals("DONE")) {
                throw new IllegalStateException("Opt-out import " + id.get() + " ended " + done);
            }
            return new Figures(id.get(), done.get("rows").asLong(), done.get("added").asLong(), done.get("already").asLong(),
                    done.get("invalid").asLong(), accepted, doneSeconds, Files.size(csv), GcLog.read(gcLog, gcFrom));
        }
    }

    private static String progressLine(ApiClient api, long id) {
        if (id == 0) {
            return "uploading: the file is read, checked and staged in the request";
        }
        JsonNode i = api.get("/api/v1/opt-outs/imports/" + id).json();
        return String.format(Locale.ROOT, "%-8s merging %,d rows: added %,d, already %,d", i.get("state").asText(),
                i.get("rows").asLong(), i.get("added").asLong(), i.get("already").asLong());
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
