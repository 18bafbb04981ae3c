package org.smsengine.system;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The failed logins and lock-outs of every node (V024): what login throttling counts and records. */
@Mapper
interface LoginThrottleMapper {

    /** The end of the latest lock-out of the user name or the address that still runs at {@code now}; null when none. */
    Instant lockedUntil(@Param("username") String username, @Param("ip") String ip, @Param("now") Instant now);

    /**
     * Records a failed login and, in the same statement, a lock-out of the user name and of the address
     * each that reached its limit within the window with it. Returns the failures now counted.
     */
    Failures recordFailure(@Param("attempt") LoginAttempt attempt, @Param("reason") String reason, @Param("at") Instant at,
            @Param("since") Instant since, @Param("until") Instant until, @Param("userLimit") int userLimit,
            @Param("ipLimit") int ipLimit);

    /** A successful login of the user: its failures no longer count against it (its address's still do). */
    void clearUser(@Param("username") String username, @Param("since") Instant since, @Param("at") Instant at);

    /** The lock-outs that run at {@code now}, every node's. */
    List<Lock> running(@Param("now") Instant now);

    record Lock(String kind, String subject, Instant until) {
    }

    record Failures(long byUser, long byIp, boolean userLocked, boolean ipLocked) {
    }
}
