package org.smsengine.idempotency;

/** A key this request holds: only the holder of {@code token} completes or releases it. */
record Claim(String scope, String key, String token) {
}
