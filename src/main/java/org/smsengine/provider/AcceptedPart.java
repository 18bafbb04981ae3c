package org.smsengine.provider;

/**
 * A part (from 1) the provider accepted, with the id under which its receipt will come. A provider
 * that takes a message's parts as one (HTTP: the peer splits the text) reports each under the same
 * id; the one receipt that comes for it settles them all.
 */
public record AcceptedPart(int part, String providerMessageId) {
}
