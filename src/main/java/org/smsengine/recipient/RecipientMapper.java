package org.smsengine.recipient;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code sms_recipient}: the screening that ends validation, and the reads of preparation. */
@Mapper
public interface RecipientMapper {

    /** Gives PostgreSQL room to hash a batch's phones in memory for the screening that follows, in this transaction. */
    void setScreeningMemory(@Param("workMem") String workMem);

    /** Moves the batch's recipients whose number is on the opt-out list to rejects; returns how many. */
    int rejectOptedOut(long batchId);

    /** Moves every recipient whose number an earlier row of the batch already has to rejects; returns how many. */
    int rejectDuplicates(long batchId);

    RowRange rowRange(long batchId);

    /** Recipients with {@code afterRow < row_no <= lastRow}, in row order (keyset paging). */
    List<RecipientRow> findRange(@Param("batchId") long batchId, @Param("afterRow") int afterRow,
            @Param("lastRow") int lastRow, @Param("limit") int limit);
}
