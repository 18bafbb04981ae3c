package org.smsengine.system;

import java.net.InetAddress;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This engine process among the nodes that share the database: a new id per start, so a node that
 * was killed and comes back is another node, and the jobs the old one left are recognisably lost.
 */
@Component
public class NodeIdentity {

    private final String id;
    private final String host;

    NodeIdentity() {
        this.host = hostName();
        this.id = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    public String host() {
        return host;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
