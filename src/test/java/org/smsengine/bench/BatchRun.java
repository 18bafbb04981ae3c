package org.smsengine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One batch taken through the engine by the benchmark: its id, the times the benchmark measured
 * from outside (upload, to READY, to COMPLETED, all from the start of the upload), the batch as the
 * API showed it once every receipt was in, and its steps' times from Spring Batch's records.
 */
record BatchRun(long batchId, double uploadSeconds, long uploadBytes, double toReadySeconds,
        double toCompletedSeconds, long deliveryStartedAt, long completedAt, JsonNode batch,
        Map<String, StepTimes.Step> steps) {

    long count(String name) {
        return batch.get("counts").get(name).asLong();
    }

    /** A step's time in seconds (at least a millisecond, so rates stay finite); NaN if the step has no record. */
    double seconds(String step) {
        StepTimes.Step s = steps.get(step);
        return s == null ? Double.NaN : Math.max(s.duration().toMillis(), 1) / 1000.0;
    }
}
