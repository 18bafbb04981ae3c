package org.smsengine.recipient;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code sms_recipient}: the screening that ends validation, and the reads of preparation. */
@Mapper
public interface RecipientMapper {

    /**
     * Plans the screening that follows, in this transaction, so that it stays linear in the batch's
     * rows whatever the table's statistics say: hash joins only, with room to hash in memory.
     */
    void prepareScreening(@Param("workMem") String workMem);

    /** Moves the batch's recipients whose number is on the opt-out list to rejects; returns how many. */
    int rejectOptedOut(long batchId);

    /** Moves every recipient whose number an earlier row of the batch already has to rejects; returns how many. */
    int rejectDuplicates(long batchId);

    RowRange rowRange(long batchId);

    /** Recipients with {@code afterRow < row_no <= throughRow}, in row order: a window of rows (rejected ones leave gaps). */
    List<RecipientRow> findWindow(@Param("batchId") long batchId, @Param("afterRow") int afterRow,
            @Param("throughRow") int throughRow);
}
