package org.smsengine.pipeline;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code sms_partition}: how a batch's recipients are split for the partitioned steps. */
@Mapper
public interface PartitionMapper {

    @Delete("DELETE FROM sms_partition WHERE batch_id = #{batchId}")
    void deleteAll(long batchId);

    @Insert("INSERT INTO sms_partition (batch_id, partition_no, first_row, last_row)"
            + " VALUES (#{batchId}, #{p.partitionNo}, #{p.firstRow}, #{p.lastRow})")
    void insert(@Param("batchId") long batchId, @Param("p") PartitionRange partition);

    @Select("SELECT partition_no, first_row, last_row FROM sms_partition WHERE batch_id = #{batchId} ORDER BY partition_no")
    List<PartitionRange> findAll(long batchId);
}
