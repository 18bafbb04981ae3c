package org.smsengine.optout;

/** {@code DELETE /api/v1/opt-outs/{phone}}: why the number may be sent to again (required; it is audited). */
record RemovalRequest(String reason) {
}
