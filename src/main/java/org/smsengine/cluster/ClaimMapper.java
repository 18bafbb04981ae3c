package org.smsengine.cluster;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Which node runs which partition ({@code sms_partition_claim}), and whether that node is alive. */
@Mapper
interface ClaimMapper {

    /** A partition's claim and whether its node has beaten within the timeout. */
    record Claim(long stepExecutionId, String nodeId, boolean alive) {
    }

    /** Takes the partition for the node; 0 when another claim holds it. */
    @Insert("""
            INSERT INTO sms_partition_claim (step_execution_id, job_execution_id, step_name, batch_id, partition_no, node_id)
            VALUES (#{stepExecutionId}, #{jobExecutionId}, #{stepName}, #{batchId}, #{partitionNo}, #{nodeId})
            ON CONFLICT (step_execution_id) DO NOTHING""")
    int claim(@Param("stepExecutionId") long stepExecutionId, @Param("jobExecutionId") long jobExecutionId,
            @Param("stepName") String stepName, @Param("batchId") long batchId, @Param("partitionNo") int partitionNo,
            @Param("nodeId") String nodeId);

    @Select("""
            SELECT c.step_execution_id, c.node_id,
                   coalesce(n.heartbeat_at >= now() - #{timeoutMillis} * interval '1 millisecond', false) AS alive
            FROM sms_partition_claim c LEFT JOIN sms_node n ON n.node_id = c.node_id
            WHERE c.step_execution_id = #{stepExecutionId}""")
    Claim find(@Param("stepExecutionId") long stepExecutionId, @Param("timeoutMillis") long timeoutMillis);

    /** Moves the claim of a dead node to this one; 0 when another node took it first (or it was released). */
    @Update("""
            UPDATE sms_partition_claim SET node_id = #{nodeId}, claimed_at = now()
            WHERE step_execution_id = #{stepExecutionId} AND node_id = #{deadNode}""")
    int takeOver(@Param("stepExecutionId") long stepExecutionId, @Param("deadNode") String deadNode,
            @Param("nodeId") String nodeId);

    @Delete("DELETE FROM sms_partition_claim WHERE step_execution_id = #{stepExecutionId} AND node_id = #{nodeId}")
    int release(@Param("stepExecutionId") long stepExecutionId, @Param("nodeId") String nodeId);

    /** Of these step executions, those still STARTING that no node has claimed. */
    @Select("""
            SELECT s.step_execution_id FROM batch_step_execution s
            WHERE s.step_execution_id = ANY (#{ids,typeHandler=org.apache.ibatis.type.ArrayTypeHandler}::bigint[])
              AND s.status = 'STARTING'
              AND NOT EXISTS (SELECT 1 FROM sms_partition_claim c WHERE c.step_execution_id = s.step_execution_id)""")
    List<Long> unclaimedStarting(@Param("ids") Long[] ids);

    /** Partitions each node runs now. */
    record Running(String nodeId, int partitions) {
    }

    @Select("SELECT node_id, count(*)::int AS partitions FROM sms_partition_claim GROUP BY node_id")
    List<Running> countByNode();
}
