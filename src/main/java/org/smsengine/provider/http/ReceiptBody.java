package org.smsengine.provider.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.smsengine.provider.ReceiptStatus;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

/**
 * Reads the receipts in a webhook's body (one JSON object, or an array of them) by the provider's
 * JSON pointers. A state the provider's map does not name (queued, sent...) is not final: that
 * receipt is ignored. A receipt without an id or a state, or with a done date that is not one,
 * makes the whole body unreadable (400), so nothing of it is applied.
 */
final class ReceiptBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The final receipts of a body, and how many it held that were not final. */
    record Read(List<Receipt> receipts, int ignored) {
    }

    private final String provider;
    private final JsonPointer messageId;
    private final JsonPointer status;
    private final JsonPointer error;
    private final JsonPointer doneAt;
    private final Map<String, ReceiptStatus> statuses;

    ReceiptBody(String provider, ProviderSettings.Http.Receipts receipts) {
        this.provider = provider;
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
            throw unreadable("body", "is not JSON");
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw unreadable("body", "must be a receipt (a JSON object) or an array of them");
        }
        List<Receipt> receipts = new ArrayList<>();
        int ignored = 0;
        for (JsonNode node : root.isArray() ? root : List.of(root)) {
            String id = text(node, messageId, "messageId");
            String state = text(node, status, "status");
            ReceiptStatus meaning = statuses.get(state.toLowerCase(Locale.ROOT));
            if (meaning == null) {
                ignored++;
                continue;
            }
            JsonNode carrierError = error == null ? null : node.at(error);
            String code = carrierError == null || carrierError.isMissingNode() || carrierError.isNull() ? null : carrierError.asText();
            String failure = meaning == ReceiptStatus.DELIVERED ? null : "receipt:" + state + (code == null ? "" : ":" + code);
            receipts.add(new Receipt(provider, id, meaning, failure, doneAt(node)));
        }
        return new Read(List.copyOf(receipts), ignored);
    }

    private static String text(JsonNode node, JsonPointer pointer, String field) {
        JsonNode value = node.at(pointer);
        if (!(value.isTextual() || value.isNumber()) || value.asText().isBlank()) {
            throw unreadable(field, "is missing at " + pointer + " (a text or a number)");
        }
        return value.asText();
    }

    private Instant doneAt(JsonNode node) {
        JsonNode value = doneAt == null ? null : node.at(doneAt);
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return Instant.ofEpochSecond(value.asLong());
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeException e) {
            throw unreadable("doneAt", "at " + doneAt + " is not an ISO-8601 date-time with offset nor epoch seconds");
        }
    }

    private static InvalidInputException unreadable(String field, String problem) {
        return new InvalidInputException(InputError.field(field, field + " " + problem));
    }

    private static JsonPointer optional(String pointer) {
        return pointer == null || pointer.isBlank() ? null : JsonPointer.compile(pointer);
    }
}
