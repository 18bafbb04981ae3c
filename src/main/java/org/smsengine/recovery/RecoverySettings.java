package org.smsengine.recovery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Crash recovery ({@code sms.recovery}).
 *
 * @param heartbeatInterval how often a node records that it is alive
 * @param nodeTimeout       a node silent for this long is lost, and so are the jobs it was running
 * @param checkInterval     how often one node (under ShedLock) looks for lost jobs; also done at start-up
 * @param inDoubt           what becomes of messages a lost node left SENDING: RESEND them (a phone may get
 *                          one twice; at most the in-flight window per session) or mark them UNKNOWN for an
 *                          operator (a retry of the batch then sends them)
 * @param continueLost      how many times a job lost with its node is continued by another node on its own
 *                          (handed over, as a stopping node's is), its in-doubt messages dealt with first by
 *                          {@code inDoubt}; past that (a batch that takes its nodes down with it) the batch is
 *                          paused with the reason for an operator. 0 always pauses
 */
@ConfigurationProperties("sms.recovery")
@Validated
public record RecoverySettings(
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration heartbeatInterval,
        @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration nodeTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("15s") Duration checkInterval,
        @NotNull @DefaultValue("RESEND") InDoubtPolicy inDoubt,
        @PositiveOrZero @DefaultValue("3") int continueLost) {

    public enum InDoubtPolicy {
        RESEND,
        UNKNOWN
    }
}
