package org.smsengine.recovery;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Node heartbeats, and the Spring Batch executions left running by lost nodes. */
@Mapper
interface RecoveryMapper {

    record LostJob(long batchId, long jobExecutionId, String jobNode) {
    }

    record RunningJob(long batchId, long jobExecutionId) {
    }

    /** A batch in a working state whose job is not running; {@code executionStatus} null when it has none. */
    record StalledBatch(long batchId, String state, Long jobExecutionId, String executionStatus, OffsetDateTime updatedAt) {
    }

    @Insert("""
            INSERT INTO sms_node (node_id, host) VALUES (#{nodeId}, #{host})
            ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()""")
    void beat(@Param("nodeId") String nodeId, @Param("host") String host);

    /**
     * Running executions whose node is not this one and has been silent longer than the timeout (or never
     * beat). The unfinished executions (a few, from their partial index) are found first and their batches
     * by key: joined, a planner without statistics (a restored database) read every batch to match them.
     */
    @Select("""
            SELECT b.id AS batch_id, b.job_execution_id, b.job_node
            FROM sms_batch b
            LEFT JOIN sms_node n ON n.node_id = b.job_node
            WHERE b.job_execution_id = ANY (ARRAY(SELECT e.job_execution_id FROM batch_job_execution e
                                                  WHERE e.status IN ('STARTING', 'STARTED', 'STOPPING')))
              AND b.job_node IS DISTINCT FROM #{self}
              AND (n.node_id IS NULL OR n.heartbeat_at < now() - #{timeoutMillis} * interval '1 millisecond')
            ORDER BY b.id""")
    List<LostJob> findLostJobs(@Param("self") String self, @Param("timeoutMillis") long timeoutMillis);

    /** This node's executions that have not ended: running, stopping, or queued (launched but not started). */
    @Select("""
            SELECT b.id AS batch_id, b.job_execution_id
            FROM sms_batch b
            WHERE b.job_execution_id = ANY (ARRAY(SELECT e.job_execution_id FROM batch_job_execution e
                                                  WHERE e.status IN ('STARTING', 'STARTED', 'STOPPING')))
              AND b.job_node = #{node}
            ORDER BY b.id""")
    List<RunningJob> findRunningJobs(@Param("node") String node);

    /**
     * Partitions of the execution that live nodes still run (claimed through the broker): a lost
     * manager's job is ended only once they have stopped, or its in-doubt settling would touch
     * messages they are submitting.
     */
    @Select("""
            SELECT count(*) FROM sms_partition_claim c JOIN sms_node n ON n.node_id = c.node_id
            WHERE c.job_execution_id = #{executionId}
              AND n.heartbeat_at >= now() - #{timeoutMillis} * interval '1 millisecond'""")
    int countLivePartitions(@Param("executionId") long executionId, @Param("timeoutMillis") long timeoutMillis);

    /**
     * Ends the execution's unfinished steps FAILED, so that a restart runs them again from their last commit (one
     * that could save only that its state was UNKNOWN too: Spring Batch restarts nothing from UNKNOWN).
     */
    @Update("""
            UPDATE batch_step_execution SET status = 'FAILED', exit_code = 'FAILED', exit_message = #{message},
                end_time = LOCALTIMESTAMP, last_updated = LOCALTIMESTAMP, version = version + 1
            WHERE job_execution_id = #{executionId} AND status IN ('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')""")
    int failSteps(@Param("executionId") long executionId, @Param("message") String message);

    /**
     * Ends the execution FAILED (restartable), running or UNKNOWN; 0 when it has ended otherwise (another check got
     * there first).
     */
    @Update("""
            UPDATE batch_job_execution SET status = 'FAILED', exit_code = 'FAILED', exit_message = #{message},
                end_time = LOCALTIMESTAMP, last_updated = LOCALTIMESTAMP, version = version + 1
            WHERE job_execution_id = #{executionId} AND status IN ('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')""")
    int failJob(@Param("executionId") long executionId, @Param("message") String message);

    /**
     * How many executions of the execution's job (itself included) ended because their node was lost:
     * a batch that keeps taking its nodes down with it is not continued for ever.
     */
    @Select("""
            SELECT count(*) FROM batch_job_execution e
            WHERE e.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = #{executionId})
              AND e.exit_message LIKE 'node lost:%'""")
    int countLostExecutions(@Param("executionId") long executionId);

    /** The execution's partition claims: it has ended, and no node runs its partitions any more. */
    @Update("DELETE FROM sms_partition_claim WHERE job_execution_id = #{executionId}")
    int releaseClaims(@Param("executionId") long executionId);

    /**
     * Claims of nodes silent longer than the timeout whose partitions are no longer running (ended by
     * recovery, or taken over). Each claim's step is looked up by its key: joined, a planner without
     * statistics hashed every step execution ever run to find the few claimed.
     */
    @Update("""
            DELETE FROM sms_partition_claim c
            WHERE (SELECT s.status FROM batch_step_execution s WHERE s.step_execution_id = c.step_execution_id)
                  NOT IN ('STARTING', 'STARTED', 'STOPPING')
              AND NOT EXISTS (SELECT 1 FROM sms_node n WHERE n.node_id = c.node_id
                              AND n.heartbeat_at >= now() - #{timeoutMillis} * interval '1 millisecond')""")
    int forgetDeadClaims(@Param("timeoutMillis") long timeoutMillis);

    /**
     * Batches in a working state, unchanged for {@code graceMillis}, that no job runs for: none was launched, or
     * the last one ended (its end not yet told to the lifecycle, or not to be restarted as it stands: UNKNOWN).
     * A batch handed over is the takeover's. Found from the state index: a few batches, whatever the history.
     */
    @Select("""
            SELECT b.id AS batch_id, b.state, b.job_execution_id, e.status AS execution_status, b.updated_at
            FROM sms_batch b
            LEFT JOIN batch_job_execution e ON e.job_execution_id = b.job_execution_id
            WHERE b.state IN ('CREATED', 'PREPARING', 'DELIVERING')
              AND b.handed_over_by IS NULL
              AND b.updated_at < now() - #{graceMillis} * interval '1 millisecond'
              AND (e.job_execution_id IS NULL OR e.status NOT IN ('STARTING', 'STARTED', 'STOPPING'))
            ORDER BY b.id""")
    List<StalledBatch> findStalled(@Param("graceMillis") long graceMillis);

    /** How often the sweep continued the batch within the last hour. */
    @Select("""
            SELECT count(*) FROM sms_batch_event
            WHERE batch_id = #{batchId} AND event = 'taken_over' AND reason LIKE 'stalled:%'
              AND created_at > now() - interval '1 hour'""")
    int countRecentStalls(@Param("batchId") long batchId);

    @Update("DELETE FROM sms_node WHERE heartbeat_at < now() - interval '1 day'")
    int forgetOldNodes();
}
