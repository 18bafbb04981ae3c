package org.smsengine.recovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
public record RecoverySettings(
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("30s") Duration nodeTimeout,
        @DefaultValue("15s") Duration checkInterval,
        @DefaultValue("RESEND") InDoubtPolicy inDoubt,
        @DefaultValue("3") int continueLost) {

    public enum InDoubtPolicy {
        RESEND,
        UNKNOWN
    }
}
