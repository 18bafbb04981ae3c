package org.smsengine.recovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.pipeline.JobHandovers;
import org.smsengine.pipeline.PipelineSettings;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.system.NodeIdentity;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Continues, on this node, the jobs other nodes handed over as they stopped: every node looks at
 * start-up and every {@code sms.shutdown.takeover-check}, and the one whose claim wins continues the
 * job ({@code taken_over}, audited with who left and who took it). A node takes at most as many as
 * it runs at once per look, so a stopping node's batches spread over the others. A node that is
 * stopping takes none, its own least of all.
 */
@Component
class JobTakeover {

    private static final Logger log = LoggerFactory.getLogger(JobTakeover.class);

    private final JobHandovers handovers;
    private final BatchLifecycle lifecycle;
    private final StopSignals signals;
    private final NodeIdentity node;
    private final int perLook;

    JobTakeover(JobHandovers handovers, BatchLifecycle lifecycle, StopSignals signals, NodeIdentity node,
            PipelineSettings pipeline) {
        this.handovers = handovers;
        this.lifecycle = lifecycle;
        this.signals = signals;
        this.node = node;
        this.perLook = Math.max(1, pipeline.concurrentJobs());
    }

    @Scheduled(fixedDelayString = "#{@shutdownSettings.takeoverCheck}")
    void takeOver() {
        try {
            for (int taken = 0; taken < perLook && !signals.nodeStopping(); taken++) {
                JobHandovers.Handover handover = handovers.takeOne().orElse(null);
                if (handover == null) {
                    return;
                }
                continueHere(handover);
            }
        } catch (DataAccessException e) {
            log.warn("Could not look for batches handed over by stopping nodes: {}", e.getMessage());
        }
    }

    private void continueHere(JobHandovers.Handover handover) {
        if (!handover.current()) {
            log.info("Batch {} was handed over by node {} but has changed state since; left as it is",
                    handover.batchId(), handover.handedOverBy());
            return;
        }
        try {
            lifecycle.notify(handover.batchId(), "taken_over", handover.reason() + "; continued by node " + node.id(), null);
        } catch (RuntimeException e) {
            // the claim has cleared the mark: put it back, so that this node or another tries again
            handovers.handOver(handover.batchId(), handover.handedOverBy(), handover.reason());
            throw e;
        }
    }
}
