package org.smsengine.provider.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.provider.AcceptedPart;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.SubmitResult;

/**
 * Reads a provider's answer into a {@link SubmitResult}: by its status (accepted, retry later, or
 * else rejected, coded {@code http:<status>}), and from an accepting answer the provider's message
 * id, by a JSON pointer. A failure to get any answer is a retry later: {@code http:timeout} (the
 * provider may or may not have taken the message) or {@code http:unreachable}.
 * <p>
 * The peer splits a long text itself, so one id stands for all the message's parts: each part is
 * reported accepted under it, and the one receipt that comes for it settles them all.
 */
final class AnswerReader {

    private static final Logger log = LoggerFactory.getLogger(AnswerReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ID = 128;         // sms_receipt_ref.provider_message_id
    private static final int MAX_DETAIL = 200;

    private final String provider;
    private final StatusSet accepted;
    private final StatusSet retry;
    private final JsonPointer messageId;
    private final JsonPointer errorCode;

    AnswerReader(String provider, ProviderSettings.Http.Answer answer) {
        this.provider = provider;
        this.accepted = StatusSet.parse(answer.accepted());
        this.retry = StatusSet.parse(answer.retry());
        this.messageId = JsonPointer.compile(answer.messageId());
        this.errorCode = answer.errorCode() == null || answer.errorCode().isBlank() ? null
                : JsonPointer.compile(answer.errorCode());
    }

    SubmitResult read(OutgoingMessage message, int status, String body) {
        if (accepted.contains(status)) {
            String id = value(body, messageId);
            if (id == null || id.isEmpty() || id.length() > MAX_ID) {
                // taken all the same: sending it again would send it twice; only its receipt cannot be matched
                log.warn("Provider {} accepted message {} (HTTP {}) without a usable id at {}: its receipt cannot be matched",
                        provider, message.reference(), status, messageId);
                return new SubmitResult.Accepted(List.of());
            }
            List<AcceptedPart> parts = IntStream.rangeClosed(1, Math.max(1, message.segments()))
                    .filter(part -> !message.skippedParts().contains(part))
                    .mapToObj(part -> new AcceptedPart(part, id)).toList();
            return new SubmitResult.Accepted(parts);
        }
        String code = "http:" + status;
        String detail = detail(body);
        return retry.contains(status) ? new SubmitResult.RetryLater(code, detail, List.of())
                : new SubmitResult.Rejected(code, detail, List.of());
    }

    /** No answer came. */
    SubmitResult failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return new SubmitResult.RetryLater("http:unreachable", String.valueOf(cause.getMessage()), List.of());
        }
        if (cause instanceof HttpTimeoutException) {
            return new SubmitResult.RetryLater("http:timeout", "no answer in time; the provider may or may not have taken it",
                    List.of());
        }
        if (cause instanceof IOException) {
            return new SubmitResult.RetryLater("http:unreachable", cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                    List.of());
        }
        log.warn("Request to provider {} failed unexpectedly", provider, cause);
        return new SubmitResult.RetryLater("http:error", cause.getClass().getSimpleName(), List.of());
    }

    /** The provider's error code when it gives one, else the start of the body: for people, never for decisions. */
    private String detail(String body) {
        String code = errorCode == null ? null : value(body, errorCode);
        if (code != null) {
            return code;
        }
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }

    /** The text or number at {@code pointer} in a JSON body; null when the body is not JSON or holds none there. */
    private static String value(String body, JsonPointer pointer) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body).at(pointer);
            return node.isTextual() || node.isNumber() ? node.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
