package org.smsengine.batch;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * {@code sms_batch}. Every change returns the row as it is after the change, so the caller can
 * publish exactly that to the live view; each change bumps {@code progress_seq} for that purpose.
 */
@Mapper
public interface BatchMapper {

    long insert(NewBatch batch);

    Optional<BatchRow> find(long id);

    List<BatchRow> list(@Param("state") BatchState state, @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("state") BatchState state);

    void setUploadBytes(@Param("id") long id, @Param("bytes") long bytes);

    BatchRow addCounts(@Param("id") long id, @Param("delta") CountDelta delta);

    BatchRow addDeliveryCounts(@Param("id") long id, @Param("delta") DeliveryCounts delta);

    /** Sets the delivery counters to what the messages say: the statistics step's exact figures. */
    BatchRow setDeliveryCounts(@Param("id") long id, @Param("counts") DeliveryCounts counts);

    /** Fixes the provider a batch is delivered through, the first time it is delivered. */
    void setProvider(@Param("id") long id, @Param("provider") String provider);

    BatchRow startStep(@Param("id") long id, @Param("step") String step);

    /** Moves the batch from {@code from} to {@code to}; null when it was not in {@code from}. */
    BatchRow changeState(@Param("id") long id, @Param("from") BatchState from, @Param("to") BatchState to,
            @Param("error") String error);
}
