package org.smsengine.provider;

/**
 * The binds a provider's carrier allows the whole cluster ({@code max-binds}), shared by the nodes: a
 * session opens, and stays open, only while its node holds a lease for it. The cluster package keeps
 * the leases in Redis; without a limit every session may open.
 */
public interface BindLeases {

    /** No cluster-wide limit: each node opens its {@code sessions}. */
    BindLeases UNLIMITED = new BindLeases() {
        @Override
        public boolean hold(String provider, int slot, int maxBinds) {
            return true;
        }

        @Override
        public void release(String provider, int slot) {
            // nothing held
        }
    };

    /**
     * Takes or renews this node's lease on its session {@code slot} (0-based) of the provider; false when
     * the cluster has no bind to spare for it (or this node holds more than its share now that more
     * nodes are alive): the session must not open, or must close.
     */
    boolean hold(String provider, int slot, int maxBinds);

    /** The session closed: its lease goes back at once for another node. */
    void release(String provider, int slot);
}
