package org.smsengine.cluster;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The nodes that share the database ({@code sms_node}, beaten by recovery's heartbeat) and what they run. */
@Mapper
interface NodeMapper {

    /**
     * Every node seen in the last day (recovery forgets older ones), newest first. Partitions: the ones
     * claimed through the broker, and a node's own batches' partitions it runs itself (no broker). Those
     * are found from the node's preparing and delivering batches, then their steps by execution: joined,
     * a planner with stale statistics (more steps running when last analyzed) scanned every step ever run.
     */
    @Select("""
            SELECT n.node_id AS node, n.host, n.started_at, n.heartbeat_at AS last_seen,
                   n.heartbeat_at >= now() - #{timeoutMillis} * interval '1 millisecond' AS alive,
                   ((SELECT count(*) FROM sms_partition_claim c WHERE c.node_id = n.node_id)
                   + (SELECT count(*) FROM batch_step_execution s
                      WHERE s.job_execution_id = ANY (ARRAY(SELECT b.job_execution_id FROM sms_batch b
                                                            WHERE b.job_node = n.node_id AND b.state IN ('PREPARING', 'DELIVERING')))
                        AND s.status = 'STARTED' AND s.step_name LIKE '%:partition%'
                        AND NOT EXISTS (SELECT 1 FROM sms_partition_claim c WHERE c.step_execution_id = s.step_execution_id)
                     ))::int AS partitions_running,
                   CASE WHEN n.broker_connected IS NULL THEN 'none'
                        WHEN n.broker_connected THEN 'connected' ELSE 'disconnected' END AS broker
            FROM sms_node n
            ORDER BY n.started_at DESC, n.node_id""")
    List<NodeView> findAll(@Param("timeoutMillis") long timeoutMillis);

    @Select("SELECT count(*) FROM sms_node WHERE heartbeat_at >= now() - #{timeoutMillis} * interval '1 millisecond'")
    int countAlive(@Param("timeoutMillis") long timeoutMillis);

    @Update("UPDATE sms_node SET broker_connected = #{connected} WHERE node_id = #{nodeId}")
    void brokerConnected(@Param("nodeId") String nodeId, @Param("connected") Boolean connected);
}
