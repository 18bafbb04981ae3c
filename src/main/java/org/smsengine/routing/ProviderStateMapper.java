package org.smsengine.routing;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Which providers operators disabled, and the audit of who did it. */
@Mapper
interface ProviderStateMapper {

    @Select("SELECT name, enabled, changed_by, changed_at, reason FROM sms_provider_state")
    List<ProviderState> findAll();

    @Insert("INSERT INTO sms_provider_state (name, enabled, changed_by, reason) VALUES (#{name}, #{enabled}, #{actor}, #{reason})"
            + " ON CONFLICT (name) DO UPDATE SET enabled = excluded.enabled, changed_by = excluded.changed_by,"
            + " changed_at = now(), reason = excluded.reason")
    void save(@Param("name") String name, @Param("enabled") boolean enabled, @Param("actor") String actor,
            @Param("reason") String reason);

    @Insert("INSERT INTO sms_provider_event (provider, action, actor, reason) VALUES (#{provider}, #{action}, #{actor}, #{reason})")
    void audit(@Param("provider") String provider, @Param("action") String action, @Param("actor") String actor,
            @Param("reason") String reason);

    @Select("SELECT provider, action, actor, reason, at FROM sms_provider_event WHERE provider = #{provider}"
            + " ORDER BY id DESC LIMIT #{limit}")
    List<ProviderEvent> events(@Param("provider") String provider, @Param("limit") int limit);

    record ProviderState(String name, boolean enabled, String changedBy, OffsetDateTime changedAt, String reason) {
    }

    record ProviderEvent(String provider, String action, String actor, String reason, OffsetDateTime at) {
    }
}
