package org.smsengine.provider;

/** A part (from 1) the provider accepted, with the id under which its receipt will come. */
public record AcceptedPart(int part, String providerMessageId) {
}
