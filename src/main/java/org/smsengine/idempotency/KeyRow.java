package org.smsengine.idempotency;

/**
 * A key as another request with it finds it: the request that claimed it, its answer (status null while
 * it runs), whether it committed anything, and whether its node is still alive.
 */
record KeyRow(String method, String path, String nodeId, boolean workCommitted, boolean ownerAlive,
        byte[] requestDigest, Integer status, String contentType, String location, byte[] body) {

    boolean answered() {
        return status != null;
    }

    /** Its node was lost after the request had committed something: its answer will never come. */
    boolean interrupted() {
        return !answered() && workCommitted && !ownerAlive;
    }

    StoredResponse response() {
        return new StoredResponse(status, contentType, location, body);
    }
}
