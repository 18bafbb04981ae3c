package org.smsengine.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;

/**
 * The counters and position of a batch at one {@code seq}: what the Redis hash holds, and what
 * the database row gives when Redis cannot.
 */
record ProgressSnapshot(
        long batchId,
        long seq,
        BatchState state,
        String step,
        Instant stepStartedAt,
        BatchCounts counts,
        long uploadBytes,
        long validatedBytes,
        Instant updatedAt,
        Instant waitingUntil) {

    static ProgressSnapshot of(BatchRow row) {
        return new ProgressSnapshot(row.id(), row.progressSeq(), row.state(), row.currentStep(),
                instant(row.stepStartedAt()), row.counts(), row.uploadBytes(), row.validatedBytes(), instant(row.updatedAt()),
                instant(row.waitingUntil()));
    }

    /** The hash fields, all as strings; instants as epoch milliseconds. */
    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("batchId", Long.toString(batchId));
        hash.put("state", state.name());
        hash.put("step", step == null ? "" : step);
        hash.put("stepStartedAt", stepStartedAt == null ? "" : Long.toString(stepStartedAt.toEpochMilli()));
        hash.put("rows", Long.toString(counts.rows()));
        hash.put("valid", Long.toString(counts.valid()));
        hash.put("invalid", Long.toString(counts.invalid()));
        hash.put("duplicates", Long.toString(counts.duplicates()));
        hash.put("optedOut", Long.toString(counts.optedOut()));
        hash.put("prepared", Long.toString(counts.prepared()));
        hash.put("sent", Long.toString(counts.sent()));
        hash.put("delivered", Long.toString(counts.delivered()));
        hash.put("sendFailed", Long.toString(counts.sendFailed()));
        hash.put("undelivered", Long.toString(counts.undelivered()));
        hash.put("cancelled", Long.toString(counts.cancelled()));
        hash.put("suppressed", Long.toString(counts.suppressed()));
        hash.put("inDoubt", Long.toString(counts.inDoubt()));
        hash.put("uploadBytes", Long.toString(uploadBytes));
        hash.put("validatedBytes", Long.toString(validatedBytes));
        hash.put("updatedAt", Long.toString(updatedAt.toEpochMilli()));
        hash.put("waitingUntil", waitingUntil == null ? "" : Long.toString(waitingUntil.toEpochMilli()));
        return hash;
    }

    static ProgressSnapshot fromHash(Map<String, String> hash) {
        return new ProgressSnapshot(number(hash, "batchId"), number(hash, "seq"), BatchState.valueOf(hash.get("state")),
                emptyToNull(hash.get("step")), instant(hash.get("stepStartedAt")), countsOf(hash),
                number(hash, "uploadBytes"), number(hash, "validatedBytes"),
                instant(hash.get("updatedAt")), instant(hash.get("waitingUntil")));
    }

    private static BatchCounts countsOf(Map<String, String> hash) {
        return new BatchCounts(number(hash, "rows"), number(hash, "valid"), number(hash, "invalid"),
                number(hash, "duplicates"), number(hash, "optedOut"), number(hash, "prepared"), number(hash, "sent"),
                number(hash, "sendFailed"), number(hash, "delivered"), number(hash, "undelivered"), number(hash, "cancelled"),
                number(hash, "suppressed"), number(hash, "inDoubt"));
    }

    private static long number(Map<String, String> hash, String field) {
        String value = hash.get(field);
        return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Instant instant(String millis) {
        return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
