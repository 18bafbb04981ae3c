package org.smsengine.template;

/**
 * How a text travels as SMS: its encoding, its length in that encoding's units,
 * and the number of parts (segments) it is split into.
 */
public record EncodedText(SmsEncoding encoding, int units, int segments) {
}
