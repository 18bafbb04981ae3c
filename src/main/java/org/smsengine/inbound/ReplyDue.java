package org.smsengine.inbound;

/**
 * A reply to send once the inbound message that asks for it has committed: through the provider that
 * received it, from the address the handset wrote to.
 */
record ReplyDue(long inboundId, String provider, String sender, String destination, String text) {
}
