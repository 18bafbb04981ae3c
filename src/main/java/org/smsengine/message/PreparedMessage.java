package org.smsengine.message;

import org.smsengine.template.EncodedText;

/** A recipient's rendered message, ready to be stored. */
public record PreparedMessage(int rowNo, String phone, String country, String text, EncodedText encoded) {
}
