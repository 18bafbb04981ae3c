package org.smsengine.provider;

import java.time.Instant;

/**
 * A message a handset sent us (MO), whole: decoded from its data coding and, if it came in parts,
 * reassembled from them before anyone judges it.
 *
 * @param provider   the provider that received it (replies go back through it)
 * @param from       the sender's number, E.164 with its {@code +} when it is a number
 * @param to         the address it was sent to (our sender id or short code)
 * @param text       the text as decoded
 * @param receivedAt when its last part reached the engine
 */
public record InboundMessage(String provider, String from, String to, String text, Instant receivedAt) {
}
