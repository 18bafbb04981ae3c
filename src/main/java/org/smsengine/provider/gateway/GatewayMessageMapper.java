package org.smsengine.provider.gateway;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * {@code sms_gateway_message}, the queue of GATEWAY providers (GatewayMessageMapper.xml). Times are
 * the database's ({@code now()}), so every node judges a lease alike whatever its own clock says.
 */
@Mapper
interface GatewayMessageMapper {

    /** Queues a message; returns its id. */
    long enqueue(@Param("provider") String provider, @Param("reference") long reference,
            @Param("destination") String destination, @Param("sender") String sender, @Param("text") String text,
            @Param("segments") int segments, @Param("parts") Integer[] parts, @Param("receipt") boolean receipt,
            @Param("validUntil") OffsetDateTime validUntil);

    /** The provider's unsent messages (queued or leased), for its capacity. */
    @Select("SELECT count(*) FROM sms_gateway_message WHERE provider = #{provider} AND state IN ('QUEUED', 'LEASED')")
    long countUnsent(@Param("provider") String provider);

    /**
     * Gives up, as FAILED, up to {@code limit} messages within reach of a pull that no pull may take:
     * leased {@code maxAttempts} times already, or past their validity.
     */
    List<Row> settleUnreachable(@Param("provider") String provider, @Param("maxAttempts") int maxAttempts,
            @Param("limit") int limit);

    /** Leases up to {@code max} queued (or expired) messages to the device, oldest first; skips those another pull holds. */
    List<Leased> lease(@Param("provider") String provider, @Param("deviceId") long deviceId, @Param("max") int max,
            @Param("leaseMillis") long leaseMillis, @Param("maxAttempts") int maxAttempts);

    /** The provider's messages of these ids, locked until the transaction ends. */
    List<Row> lockForReport(@Param("provider") String provider, @Param("ids") Long[] ids);

    /** Sets each message's new state (SENT, FAILED or QUEUED again) and error, in one statement. */
    int applyReports(@Param("ids") Long[] ids, @Param("states") String[] states, @Param("errors") String[] errors);

    /** The device's leased messages go back to the queue, for any device. */
    int returnLeases(@Param("deviceId") long deviceId);

    /** Queued, leased (in time and run out) messages and devices seen within the lease. */
    GatewayStatus status(@Param("provider") String provider, @Param("leaseMillis") long leaseMillis);

    /** Deletes up to {@code chunk} SENT or FAILED messages done longer ago than the retention. */
    int purgeDone(@Param("olderThanMillis") long olderThanMillis, @Param("chunk") int chunk);

    /** Records a run of the retention purge beside the other housekeeping runs. */
    @Insert("INSERT INTO sms_housekeeping_run (task, node, started_at, affected) VALUES (#{task}, #{node}, #{startedAt}, #{affected})")
    void recordRun(@Param("task") String task, @Param("node") String node, @Param("startedAt") OffsetDateTime startedAt,
            @Param("affected") long affected);

    /** A message as a report or a settlement sees it; {@code parts} as {@code 1,2,3}. */
    record Row(long id, String state, Long deviceId, String parts, boolean receipt, int attempts, String error) {
    }

    /** A message leased by a pull. */
    record Leased(long id, String destination, String sender, String text, int segments, OffsetDateTime leaseUntil) {
    }
}
