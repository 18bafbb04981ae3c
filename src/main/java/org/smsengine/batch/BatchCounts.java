package org.smsengine.batch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The counts of a batch: where its rows went (rows = valid + invalid + duplicates + optedOut) and
 * where its messages are. The one list of a batch's counters: the batch row, its views, its live
 * progress and the changes a chunk makes (a delta is a {@code BatchCounts} too) all carry it.
 *
 * <p>{@code sendFailed} counts messages that failed at submission, {@code undelivered} those a
 * receipt reported failed; the API shows their sum as {@code failed}. {@code inDoubt}: messages that
 * were being submitted when their node was lost. {@code suppressed}: prepared messages not sent for
 * consent (opted out since, over a frequency cap, or past the batch's validity).
 */
@JsonPropertyOrder({"rows", "valid", "invalid", "duplicates", "optedOut", "prepared", "sent", "delivered", "failed",
        "cancelled", "suppressed", "inDoubt"})
public record BatchCounts(long rows, long valid, long invalid, long duplicates, long optedOut, long prepared, long sent,
        @JsonIgnore long sendFailed, long delivered, @JsonIgnore long undelivered, long cancelled, long suppressed, long inDoubt) {

    public static final BatchCounts NONE = new BatchCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Messages that failed, at submission or by receipt. */
    @JsonProperty("failed")
    public long failed() {
        return sendFailed + undelivered;
    }

    /** What a chunk of checked rows adds: every row, those whose number is valid, those rejected. */
    public static BatchCounts checked(long rows, long valid, long invalid) {
        return new BatchCounts(rows, valid, invalid, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** What screening moves: opted-out and duplicate rows leave {@code valid}. */
    public static BatchCounts screened(long optedOut, long duplicates) {
        return new BatchCounts(0, -(optedOut + duplicates), 0, duplicates, optedOut, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public static BatchCounts prepared(long messages) {
        return new BatchCounts(0, 0, 0, 0, 0, messages, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Outcomes of submissions: accepted by the provider, or failed at submission. */
    public static BatchCounts submitted(long sent, long sendFailed) {
        return submitted(sent, sendFailed, 0);
    }

    /** Outcomes of a page: accepted, failed at submission, or not sent for consent. */
    public static BatchCounts submitted(long sent, long sendFailed, long suppressed) {
        return new BatchCounts(0, 0, 0, 0, 0, 0, sent, sendFailed, 0, 0, 0, suppressed, 0);
    }

    /** Receipts: delivered, or reported failed. */
    public static BatchCounts receipted(long delivered, long undelivered) {
        return new BatchCounts(0, 0, 0, 0, 0, 0, 0, 0, delivered, undelivered, 0, 0, 0);
    }

    /** The delivery counters as the messages say (the other counters stay as they are when this is stored). */
    public static BatchCounts delivery(long sent, long sendFailed, long delivered, long undelivered, long cancelled,
            long suppressed) {
        return new BatchCounts(0, 0, 0, 0, 0, 0, sent, sendFailed, delivered, undelivered, cancelled, suppressed, 0);
    }

    public static BatchCounts inDoubt(long messages) {
        return new BatchCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, messages);
    }
}
