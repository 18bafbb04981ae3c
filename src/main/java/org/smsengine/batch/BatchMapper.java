package org.smsengine.batch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * {@code sms_batch}. Every change returns the batch as it is after the change, so the caller can
 * publish exactly that to the live view; each change takes a new {@code progress_seq} (one sequence)
 * for that purpose. A batch's counters are its row's plus its slots' ({@code sms_batch_tally}).
 */
@Mapper
public interface BatchMapper {

    long insert(NewBatch batch);

    Optional<BatchRow> find(long id);

    /** Newest first, of one state and/or whose name contains {@code name} (any case) when given. */
    List<BatchRow> list(@Param("state") BatchState state, @Param("name") String name, @Param("offset") long offset,
            @Param("limit") int limit);

    long count(@Param("state") BatchState state, @Param("name") String name);

    /** Batches whose live view may be stale: not finished, or changed within the last hour. */
    List<BatchRow> listActive();

    void setUploadBytes(@Param("id") long id, @Param("bytes") long bytes);

    /**
     * Adds {@code delta} to the batch's counts, {@code segments} to its segments and {@code cost} to its cost, in
     * {@code slot} ({@link CounterSlots}); {@code validatedBytes} is a position (how far into the upload validation
     * has read), kept at its highest. Returns the batch as it is now, seen from this transaction. Writers of one
     * batch in different slots never wait for each other (the batch row itself is not written): the batch's
     * figures are its row plus its slots, summed when read, and {@code CounterFolder} moves the slots into the row.
     */
    default BatchRow addCounts(long id, int slot, BatchCounts delta, long segments, long validatedBytes, BigDecimal cost) {
        addToSlot(id, slot, delta, segments, validatedBytes, cost);
        return find(id).orElseThrow(() -> new BatchNotFoundException(id));
    }

    /** Adds {@code delta} to the batch's counts, in {@code slot}. */
    default BatchRow addCounts(long id, int slot, BatchCounts delta) {
        return addCounts(id, slot, delta, 0, 0, BigDecimal.ZERO);
    }

    void addToSlot(@Param("id") long id, @Param("slot") int slot, @Param("delta") BatchCounts delta,
            @Param("segments") long segments, @Param("validatedBytes") long validatedBytes, @Param("cost") BigDecimal cost);

    /** Locks the batch's row for {@link #foldSlots}; null when another transaction holds it. */
    Long lockForFold(@Param("id") long id);

    /** Moves what the batch's slots hold (but those a writer holds now) into its row; its figures stay as they are. */
    int foldSlots(@Param("id") long id);

    /** A new {@code progress_seq} for the batch, nothing else changed: the batch as it is now, to publish. */
    BatchRow touchProgress(@Param("id") long id);

    /** The batches that have something in their slots. */
    List<Long> slotted();

    /**
     * Sets the delivery counters of the batch's row to {@code counts}: what its messages say less what its slots
     * hold, both read in one statement (see {@code BatchRecount}), so that row plus slots are the exact figures.
     */
    BatchRow setDeliveryCounts(@Param("id") long id, @Param("counts") BatchCounts counts,
            @Param("retryableFailures") long retryableFailures);

    /** Fixes the provider a batch is delivered through, the first time it is delivered. */
    void setProvider(@Param("id") long id, @Param("provider") String provider);

    /** A new budget (null: none) until the batch has finished; null when it has. */
    BatchRow setBudget(@Param("id") long id, @Param("budget") BigDecimal budget);

    /** The batch's forecast (JSON), written when its preparation ends. */
    void setForecast(@Param("id") long id, @Param("forecast") String forecast);

    /** What a batch cost so far, and its budget (null: none). */
    record Spent(BigDecimal cost, BigDecimal budget) {
    }

    BatchRow startStep(@Param("id") long id, @Param("step") String step);

    /**
     * Moves the batch to {@code to} if it is still at {@code version} (optimistic: of two changes
     * from the same version one wins); null when another change came first. Only the lifecycle
     * ({@code org.smsengine.lifecycle.BatchLifecycle}) calls it.
     */
    BatchRow transition(@Param("id") long id, @Param("version") long version, @Param("to") BatchState to,
            @Param("reason") String reason, @Param("error") String error);

    /** Changes the send time of a batch not started yet; null when it has been started (or has ended). */
    BatchRow setSendAt(@Param("id") long id, @Param("sendAt") java.time.OffsetDateTime sendAt);

    /** Ties a batch to the campaign that fired it, with the campaign's send window (JSON, or null). */
    void setCampaign(@Param("id") long id, @Param("campaignId") long campaignId, @Param("sendWindow") String sendWindow);

    /** Sets (or, with null, removes) the send window of a batch that has not finished; null when it has. */
    BatchRow setSendWindow(@Param("id") long id, @Param("sendWindow") String sendWindow);

    /** Until when delivery waits for the send window (null: not waiting); null when that is already recorded. */
    BatchRow setWaitingUntil(@Param("id") long id, @Param("until") java.time.OffsetDateTime until);

    /** Which job execution, on which node, works on the batch now (launched, maybe queued, or started). */
    void recordJob(@Param("id") long id, @Param("executionId") long executionId, @Param("node") String node);

    /** Opens the next round of re-sending the batch's retryable failures (a job instance of its own). */
    BatchRow nextJobRound(@Param("id") long id);

    /** How many batches are in each of {@code states} (0 when none): one probe of the state index per state. */
    @org.apache.ibatis.annotations.Select("SELECT s.state AS key, (SELECT count(*) FROM sms_batch b WHERE b.state = s.state) AS value"
            + " FROM unnest(#{states,typeHandler=org.apache.ibatis.type.ArrayTypeHandler}::text[]) AS s(state)")
    java.util.List<Figure> countByState(@Param("states") String[] states);

    /** Messages of delivering batches not yet submitted or settled, by provider. */
    @org.apache.ibatis.annotations.Select("SELECT COALESCE(provider, '') AS key, sum(GREATEST(0, prepared - sent - send_failed"
            + " - cancelled - suppressed - in_doubt)) AS value FROM sms_batch WHERE state = 'DELIVERING' GROUP BY provider")
    java.util.List<Figure> waitingByProvider();

    /** A label and its figure. */
    record Figure(String key, long value) {
    }
}
