package org.smsengine.recovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.system.NodeIdentity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Records, every heartbeat interval, that this node is alive. */
@Component
class NodeHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final RecoveryMapper recovery;
    private final NodeIdentity node;

    NodeHeartbeat(RecoveryMapper recovery, NodeIdentity node) {
        this.recovery = recovery;
        this.node = node;
    }

    @Scheduled(fixedDelayString = "${sms.recovery.heartbeat-interval:5s}")
    void beat() {
        try {
            recovery.beat(node.id(), node.host());
        } catch (RuntimeException e) {
            log.warn("Could not record this node's heartbeat: {}", e.getMessage());
        }
    }
}
