package org.smsengine.recipient;

/** A stored valid recipient: its row, E.164 number, country (null for rows stored before countries were) and template values as a JSON object. */
public record RecipientRow(int rowNo, String phone, String country, String vars) {
}
