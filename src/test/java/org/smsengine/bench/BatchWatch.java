package org.smsengine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import org.smsengine.support.ApiClient;

/**
 * Waits on a batch as a client would, polling it, and meanwhile prints where it is every
 * {@link Ticker#EVERY_SECONDS} seconds (state, step, processed of total and rate, from
 * {@code GET /api/v1/batches/{id}/progress}). When a step has not moved for half a minute the line
 * adds the statement the engine has been running longest, which is usually why.
 */
final class BatchWatch {

    /** The benchmark asks for the batch this often: a client's polling is load on the engine too. */
    static final long POLL_MILLIS = 500;
    private static final long STALLED_SECONDS = 30;

    private final ApiClient api;
    private final EngineDatabase database;
    private final long batchId;
    private final String label;
    private String lastPosition = "";
    private long unchangedSince = System.nanoTime();

    BatchWatch(ApiClient api, EngineDatabase database, long batchId, String label) {
        this.api = api;
        this.database = database;
        this.batchId = batchId;
        this.label = label;
    }

    /** The batch once it is in {@code state}; fails if it ends in another. */
    JsonNode awaitState(String state, Duration timeout) {
        try (Ticker ignored = Ticker.start(label, this::progressLine)) {
            return api.awaitState(batchId, state, timeout, POLL_MILLIS);
        }
    }

    /** The batch once a receipt came for each message the provider accepted. */
    JsonNode awaitReceipts(Duration timeout) {
        try (Ticker ignored = Ticker.start(label, this::receiptLine)) {
            return api.await("/api/v1/batches/" + batchId, batch -> receipted(batch) >= counts(batch, "sent"), timeout,
                    POLL_MILLIS);
        }
    }

    private String progressLine() {
        JsonNode p = api.get("/api/v1/batches/" + batchId + "/progress").json();
        String step = p.path("step").asText("-");
        long processed = p.path("processed").asLong();
        String total = p.path("total").isNull() || p.path("total").isMissingNode() ? "?"
                : String.format(Locale.ROOT, "%,d", p.path("total").asLong());
        String line = String.format(Locale.ROOT, "%-11s %-12s %,d of %s (%.1f %%), %,.0f/s", p.path("state").asText(), step,
                processed, total, p.path("percent").asDouble(), p.path("ratePerSecond").asDouble());
        return line + stall(p.path("state").asText() + step + processed);
    }

    private String receiptLine() {
        JsonNode batch = api.get("/api/v1/batches/" + batchId).json();
        return String.format(Locale.ROOT, "receipts    %,d of %,d sent (delivered %,d, failed %,d)", receipted(batch),
                counts(batch, "sent"), counts(batch, "delivered"), counts(batch, "failed"))
                + stall("receipts" + receipted(batch));
    }

    /** "" while the batch moves; after {@link #STALLED_SECONDS} without a change, what PostgreSQL is running for the engine. */
    private String stall(String position) {
        if (!position.equals(lastPosition)) {
            lastPosition = position;
            unchangedSince = System.nanoTime();
            return "";
        }
        long seconds = (System.nanoTime() - unchangedSince) / 1_000_000_000L;
        if (seconds < STALLED_SECONDS) {
            return "";
        }
        try {
            String query = database.longestActiveQuery();
            return String.format(Locale.ROOT, "; no change for %d s; PostgreSQL %s", seconds,
                    query == null ? "runs nothing for the engine" : "has been running, " + query);
        } catch (SQLException e) {
            return String.format(Locale.ROOT, "; no change for %d s (PostgreSQL not readable: %s)", seconds, e.getMessage());
        }
    }

    private static long receipted(JsonNode batch) {
        return counts(batch, "delivered") + counts(batch, "failed");
    }

    private static long counts(JsonNode batch, String name) {
        return batch.get("counts").get(name).asLong();
    }
}
