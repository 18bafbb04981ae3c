package org.smsengine.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.system.NodeIdentity;
import org.smsengine.system.Outages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Records, with each heartbeat, whether this node's broker connection is up (nothing without a broker). */
@Component
class BrokerWatch {

    private static final Logger log = LoggerFactory.getLogger(BrokerWatch.class);

    private final NodeMapper nodes;
    private final NodeIdentity node;
    private final PartitionRequests broker;
    private Boolean last;

    private final Outages outages;

    BrokerWatch(NodeMapper nodes, NodeIdentity node, ObjectProvider<PartitionRequests> broker, Outages outages) {
        this.outages = outages;
        this.nodes = nodes;
        this.node = node;
        this.broker = broker.getIfAvailable();
    }

    @Scheduled(initialDelayString = "#{@recoverySettings.heartbeatInterval}", fixedDelayString = "#{@recoverySettings.heartbeatInterval}")
    void record() {
        if (broker == null) {
            return;
        }
        boolean connected = broker.connected();
        if (last != null && last != connected) {
            log.warn("The broker connection is {}", connected ? "back" : "lost");
        }
        last = connected;
        if (connected) {
            outages.reachable(Outages.Service.BROKER);
        } else {
            outages.unreachable(Outages.Service.BROKER);
        }
        try {
            nodes.brokerConnected(node.id(), connected);
        } catch (RuntimeException e) {
            log.debug("Could not record the broker connection: {}", e.getMessage());
        }
    }
}
