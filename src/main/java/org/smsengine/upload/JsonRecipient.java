package org.smsengine.upload;

import java.util.Map;

/** One recipient of the JSON form; also the shape of one stored JSON line. */
public record JsonRecipient(String phone, Map<String, String> vars) {
}
