package org.smsengine.idempotency;

/** The answer kept for a key: what a retry gets again. */
record StoredResponse(int status, String contentType, String location, byte[] body) {
}
