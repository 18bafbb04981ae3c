package org.smsengine.idempotency;

/**
 * A request made with an {@code Idempotency-Key}: whose key ({@code scope}, the user's name until
 * accounts exist), the key, and what the request is for.
 */
record KeyedRequest(String scope, String key, String method, String path) {

    boolean sameTarget(String otherMethod, String otherPath) {
        return method.equals(otherMethod) && path.equals(otherPath);
    }
}
