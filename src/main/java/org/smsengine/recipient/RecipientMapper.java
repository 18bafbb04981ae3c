package org.smsengine.recipient;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code sms_recipient} and the opt-out look-up that validation makes per chunk. */
@Mapper
public interface RecipientMapper {

    /**
     * Inserts a chunk of recipients in one statement and returns the rows that went in. A row
     * whose number the batch already has, from an earlier chunk or earlier in this one, is left
     * out by the unique (batch, phone) index: that is how duplicates are found in constant memory.
     */
    List<Integer> insertNew(@Param("batchId") long batchId, @Param("rows") Integer[] rows,
            @Param("phones") String[] phones, @Param("vars") String[] vars);

    List<String> findOptedOut(@Param("phones") String[] phones);

    RowRange rowRange(long batchId);

    /** Recipients with {@code afterRow < row_no <= lastRow}, in row order (keyset paging). */
    List<RecipientRow> findRange(@Param("batchId") long batchId, @Param("afterRow") int afterRow,
            @Param("lastRow") int lastRow, @Param("limit") int limit);
}
