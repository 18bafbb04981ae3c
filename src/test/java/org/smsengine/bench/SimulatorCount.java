package org.smsengine.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The simulator's totals at one moment. Its accounting runs from its start, across the warm-up
 * and every batch after it, so a batch's own figures are the totals after it minus those before.
 * {@code doubles} (numbers that got more than one {@code submit_sm}) subtracts as well, since the
 * runs' numbers never overlap: only the batch's own numbers can become doubles during it.
 * {@code stopReplies} are the STOPs it sent back for its {@code stop-reply-rate}.
 */
record SimulatorCount(long accepted, long refused, long receipts, long doubles, long stopReplies) {

    static SimulatorCount of(JsonNode accounting) {
        return new SimulatorCount(accounting.get("accepted").asLong(), accounting.get("refused").asLong(),
                accounting.get("receiptsSent").asLong(), accounting.get("destinationsWithMoreThanOne").asLong(), accounting.get("stopRepliesSent").asLong());
    }

    SimulatorCount minus(SimulatorCount before) {
        return new SimulatorCount(accepted - before.accepted, refused - before.refused, receipts - before.receipts,
                doubles - before.doubles, stopReplies - before.stopReplies);
    }
}
