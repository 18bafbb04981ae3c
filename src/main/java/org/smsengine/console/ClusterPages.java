package org.smsengine.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The cluster's page: the nodes, their heartbeats, partitions and broker connection; its table comes from the API. */
@Controller
class ClusterPages {

    @GetMapping("/cluster")
    String cluster() {
        return "console/cluster";
    }
}
