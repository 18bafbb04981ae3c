package org.smsengine.provider.gateway;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code sms_gateway_device}: the registered phones (DeviceMapper.xml). */
@Mapper
interface DeviceMapper {

    Device register(@Param("provider") String provider, @Param("name") String name, @Param("keyHash") byte[] keyHash,
            @Param("createdBy") String createdBy);

    /** The enabled device that holds the key of this hash. */
    @Select("SELECT id, provider FROM sms_gateway_device WHERE key_hash = #{keyHash} AND enabled")
    Optional<Caller> findEnabled(@Param("keyHash") byte[] keyHash);

    /** The provider's devices, oldest first, with the messages each holds leased now. */
    List<Device> list(@Param("provider") String provider);

    Optional<Device> find(@Param("provider") String provider, @Param("id") long id);

    /** Disables the device; false when it was revoked already. */
    @Update("UPDATE sms_gateway_device SET enabled = FALSE, revoked_at = now() WHERE id = #{id} AND enabled")
    int revoke(@Param("id") long id);

    /** The device called (a pull or a report); its counters move by what it reported. */
    @Update("UPDATE sms_gateway_device SET last_seen_at = now(), sent = sent + #{sent}, failed = failed + #{failed}"
            + " WHERE id = #{id}")
    void seen(@Param("id") long id, @Param("sent") long sent, @Param("failed") long failed);

    /** A device as its key names it: which one, and for which provider. */
    record Caller(long id, String provider) {
    }

    /** A device as the operators see it; {@code leased}: messages it holds now (leases run out included). */
    record Device(long id, String provider, String name, boolean enabled, OffsetDateTime createdAt, String createdBy,
            OffsetDateTime lastSeenAt, OffsetDateTime revokedAt, long leased, long sent, long failed) {
    }
}
