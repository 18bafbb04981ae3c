package org.smsengine.optout;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The lookups of whole phone numbers (V024): their audit, and the count their limit is kept by. */
@Mapper
interface PhoneLookupMapper {

    /**
     * Records the lookup when the user made fewer than {@code limit} since {@code since}: 1 when recorded
     * (go on), 0 when not (refused). Two lookups of one user at the same moment on two nodes may each miss
     * the other: a user may get a lookup or two more than the limit, never a stream of them.
     */
    @Insert("""
            INSERT INTO phone_lookup (at, username, endpoint, phone)
            SELECT #{at}, #{username}, #{endpoint}, #{phone}
            WHERE (SELECT count(*) FROM phone_lookup WHERE username = #{username} AND at > #{since}) < #{limit}""")
    int recordIfUnder(@Param("username") String username, @Param("endpoint") String endpoint, @Param("phone") String phone,
            @Param("at") Instant at, @Param("since") Instant since, @Param("limit") int limit);

    /** The oldest lookup of the user still in the window: when it leaves, the user may look up again. */
    @Select("SELECT min(at) FROM phone_lookup WHERE username = #{username} AND at > #{since}")
    Instant oldestSince(@Param("username") String username, @Param("since") Instant since);
}
