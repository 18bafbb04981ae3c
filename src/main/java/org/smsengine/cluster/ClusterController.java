package org.smsengine.cluster;

import java.util.List;
import org.smsengine.recovery.RecoverySettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/cluster}: every role reads it. */
@RestController
@RequestMapping("/api/v1/cluster")
class ClusterController {

    private final NodeMapper nodes;
    private final RecoverySettings recovery;

    ClusterController(NodeMapper nodes, RecoverySettings recovery) {
        this.nodes = nodes;
        this.recovery = recovery;
    }

    @GetMapping("/nodes")
    List<NodeView> nodes() {
        return nodes.findAll(recovery.nodeTimeout().toMillis());
    }
}
