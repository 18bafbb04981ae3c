package org.smsengine.optout;

import java.util.List;

/** {@code POST /api/v1/opt-outs} (JSON): numbers to opt out, read in {@code region} unless written with {@code +}. */
record OptOutRequest(List<String> phones, String region, String reason) {
}
