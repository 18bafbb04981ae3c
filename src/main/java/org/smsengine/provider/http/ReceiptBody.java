package org.smsengine.provider.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptCheck;
import org.smsengine.provider.ReceiptStatus;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

/**
 * Reads the receipts in a webhook's body (one JSON object, or an array of them) by the provider's
 * JSON pointers. A state the provider's map does not name (queued, sent...) is not final: that
 * receipt is ignored. A receipt without an id or a state, with a done date that is not one, or
 * that {@link ReceiptCheck} refuses (a NUL in its id, an id of 200,000 characters, a done date in the
 * year 10000) makes the whole body unreadable (400, naming the receipt and its field), so nothing of
 * it is applied and nothing of it is held.
 */
final class ReceiptBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The final receipts of a body (each with the JSON it came as), and how many it held that were not final. */
    record Read(List<Taken> receipts, int ignored) {
    }

    record Taken(Receipt receipt, String raw) {
    }

    /** What of a receipt's JSON is kept if it has to be quarantined. */
    private static final int MAX_RAW = 300;

    private final String provider;
    private final JsonPointer messageId;
    private final JsonPointer status;
    private final JsonPointer error;
    private final JsonPointer doneAt;
    private final Map<String, ReceiptStatus> statuses;
    private final Clock clock;

    ReceiptBody(String provider, ProviderSettings.Http.Receipts receipts, Clock clock) {
        this.provider = provider;
        this.clock = clock;
        this.messageId = JsonPointer.compile(receipts.messageId());
        this.status = JsonPointer.compile(receipts.status());
        this.error = optional(receipts.error());
        this.doneAt = optional(receipts.doneAt());
        if (receipts.statuses().isEmpty()) {
            throw new IllegalArgumentException("name at least the provider's delivered state, e.g. {delivered: DELIVERED}");
        }
        this.statuses = receipts.statuses().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    Read read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw unreadable("body", "", "is not JSON");
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw unreadable("body", "", "must be a receipt (a JSON object) or an array of them");
        }
        List<Taken> receipts = new ArrayList<>();
        int ignored = 0;
        Instant now = clock.instant();
        int index = 0;
        for (JsonNode node : root.isArray() ? root : List.of(root)) {
            String where = root.isArray() ? "receipt " + (++index) + " of " + root.size() + ": " : "";
            String id = text(node, messageId, "messageId", where);
            String state = text(node, status, "status", where);
            ReceiptStatus meaning = statuses.get(state.toLowerCase(Locale.ROOT));
            if (meaning == null) {
                ignored++;
                continue;
            }
            JsonNode carrierError = error == null ? null : node.at(error);
            String code = carrierError == null || carrierError.isMissingNode() || carrierError.isNull() ? null : carrierError.asText();
            Instant done = doneAt(node, where);
            ReceiptCheck.check(id, code, done, now).ifPresent(fault -> {
                throw unreadable(fault.field(), where, fault.detail());
            });
            String failure = meaning == ReceiptStatus.DELIVERED ? null : "receipt:" + state + (code == null ? "" : ":" + code);
            receipts.add(new Taken(new Receipt(provider, id, meaning, failure, done), raw(node)));
        }
        return new Read(List.copyOf(receipts), ignored);
    }

    private static String text(JsonNode node, JsonPointer pointer, String field, String where) {
        JsonNode value = node.at(pointer);
        if (!(value.isTextual() || value.isNumber()) || value.asText().isBlank()) {
            throw unreadable(field, where, "is missing at " + pointer + " (a text or a number)");
        }
        return value.asText();
    }

    private Instant doneAt(JsonNode node, String where) {
        JsonNode value = doneAt == null ? null : node.at(doneAt);
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            if (value.isIntegralNumber()) {
                if (!value.canConvertToLong()) {
                    throw new DateTimeException("beyond any instant");
                }
                return Instant.ofEpochSecond(value.asLong());
            }
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeException e) {
            throw unreadable("doneAt", where, "at " + doneAt + " is not an ISO-8601 date-time with offset nor epoch seconds"
                    + " within the range of dates");
        }
    }

    /** The receipt's JSON, cut short and printable only: it may be shown in the quarantine's listing. */
    private static String raw(JsonNode node) {
        String json = node.toString();
        StringBuilder kept = new StringBuilder(Math.min(json.length(), MAX_RAW));
        for (int i = 0; i < json.length() && kept.length() < MAX_RAW; i++) {
            char c = json.charAt(i);
            kept.append(Character.isISOControl(c) ? '?' : c);
        }
        return kept.toString();
    }

    /** @param where which receipt of an array ("receipt 2 of 3: "), or nothing */
    private static InvalidInputException unreadable(String field, String where, String problem) {
        return new InvalidInputException(InputError.field(field, where + field + " " + problem));
    }

    private static JsonPointer optional(String pointer) {
        return pointer == null || pointer.isBlank() ? null : JsonPointer.compile(pointer);
    }
}
