package org.smsengine.recipient;

/** A row that did not become a message, as stored and as served in the rejects CSV. */
public record RejectRow(int rowNo, String phone, RejectReason reason, String raw) {
}
