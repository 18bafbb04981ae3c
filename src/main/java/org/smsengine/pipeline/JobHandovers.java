package org.smsengine.pipeline;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.system.NodeIdentity;
import org.springframework.stereotype.Component;

/**
 * Batches whose job a node left to the others: it stopped (a restart is not a failure), or it was
 * lost before a queued job could start. The batch keeps its state; the first node to claim it
 * continues its job (recovery's takeover check), so exactly one node runs it.
 */
@Component
public class JobHandovers {

    /**
     * A claimed handover.
     *
     * @param current false when the batch changed state since it was handed over (an operator paused or
     *                aborted it): the operator's action stands and nothing is continued
     */
    public record Handover(long batchId, String handedOverBy, String reason, boolean current) {
    }

    private static final Logger log = LoggerFactory.getLogger(JobHandovers.class);

    private final HandoverMapper handovers;
    private final NodeIdentity node;

    JobHandovers(HandoverMapper handovers, NodeIdentity node) {
        this.handovers = handovers;
        this.node = node;
    }

    /** This node leaves the batch's job to the others; false when the batch is no longer meant to run. */
    public boolean handOver(long batchId, String reason) {
        return handOver(batchId, node.id(), reason);
    }

    /** As {@link #handOver(long, String)}, on behalf of {@code leavingNode} (one found lost). */
    public boolean handOver(long batchId, String leavingNode, String reason) {
        boolean handed = handovers.handOver(batchId, leavingNode, reason) > 0;
        if (handed) {
            log.info("Batch {}: its job is handed over to the other nodes ({})", batchId, reason);
        }
        return handed;
    }

    /** Claims one batch another node handed over, if there is one. */
    public Optional<Handover> takeOne() {
        return Optional.ofNullable(handovers.takeOne());
    }
}
