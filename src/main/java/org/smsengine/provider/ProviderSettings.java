package org.smsengine.provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The providers of this engine ({@code sms.providers}) and the one batches use unless they name another.
 *
 * @param defaultProvider the provider of a batch that names none; the first definition when not set
 * @param definitions     the providers: each a {@code name}, a {@code type} (SMPP, HTTP, GATEWAY), its rate and
 *                        connections, and the protocol's own settings under {@code smpp}, {@code http} or
 *                        {@code gateway}
 */
@ConfigurationProperties("sms.providers")
@Validated
public record ProviderSettings(String defaultProvider, @Valid @DefaultValue List<Definition> definitions) {

    /** SMPP: a carrier's SMSC; HTTP: a REST API configured as data; GATEWAY: phones that pull their messages. */
    public enum Type {
        SMPP, HTTP, GATEWAY
    }

    /**
     * One provider.
     *
     * @param name     the provider's name, unique: routes, prices and batches name it
     * @param type     SMPP, HTTP or GATEWAY
     * @param tps      submissions ({@code submit_sm}, one per part) per second the provider allows; an HTTP
     *                 provider's messages are paced by their parts too, though each is one request
     * @param window   requests in flight per session (HTTP: requests at once, times {@code sessions})
     * @param sessions connections (binds) to keep open on each node; HTTP has no sessions of its own: leave 1
     * @param maxBinds the binds the carrier allows the whole cluster (0: no limit, each node opens {@code sessions}):
     *                 the nodes share them (each at most its share, {@code maxBinds} over the live nodes, rounded up,
     *                 and never more than {@code sessions}), leased in Redis; a node's share returns when it leaves
     * @param smpp     the connection of an SMPP provider
     * @param gateway  the queue and leases of a GATEWAY provider
     * @param http     the request, answer and receipts of an HTTP provider
     */
    public record Definition(
            @NotBlank String name,
            @NotNull @DefaultValue("SMPP") Type type,
            @Positive @DefaultValue("100") int tps,
            @Positive @DefaultValue("32") int window,
            @Positive @DefaultValue("1") int sessions,
            @PositiveOrZero @DefaultValue("0") int maxBinds,
            @Valid @DefaultValue Smpp smpp,
            @Valid @DefaultValue Gateway gateway,
            @Valid @DefaultValue Http http) {
    }

    /**
     * The phones of a GATEWAY provider, which pull the messages queued for them.
     *
     * @param lease              how long a pulled message is a device's alone; a device that has not reported it by
     *                           then loses it to the next pull (of any device)
     * @param maxPerPull         messages a device may lease in one pull (it asks for fewer with {@code max})
     * @param maxPerReport       outcomes a device may report in one call
     * @param maxAttempts        leases of a message (over all devices) before it is given up as UNDELIVERED,
     *                           {@code gateway:attempts_exhausted}
     * @param queueCapacity      unsent (queued or leased) messages the provider holds; beyond it a submission is a
     *                           retry-later, {@code gateway:queue_full}, so the engine's own retries hold the rest back
     * @param queueCheckInterval how often a node recounts the unsent messages for the capacity (between counts it adds
     *                           its own submissions)
     */
    public record Gateway(
            @NotNull @DurationMin(seconds = 1) @DefaultValue("2m") Duration lease,
            @Positive @DefaultValue("50") int maxPerPull,
            @Positive @DefaultValue("1000") int maxPerReport,
            @Positive @DefaultValue("3") int maxAttempts,
            @Positive @DefaultValue("10000") int queueCapacity,
            @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration queueCheckInterval) {
    }

    /**
     * The SMPP connection of a provider.
     *
     * @param host                the SMSC's host
     * @param port                the SMSC's port
     * @param systemId            the bind's system_id
     * @param password            the bind's password
     * @param systemType          the bind's system_type (empty for most SMSCs)
     * @param sourceAddress       the sender of batches that name none
     * @param enquireLinkInterval how often to check an idle session is alive
     * @param responseTimeout     how long to wait for a response before the request counts as failed (transient)
     * @param reconnectDelay      wait before the first reconnection; doubles up to {@code reconnectDelayMax}
     * @param reconnectDelayMax   the longest wait between two reconnections
     * @param inboundIncomplete   inbound (MO) messages that may wait for their other parts at once; the oldest is
     *                            handed on as it is when one more comes
     * @param inboundPartsTimeout how long after its first part an inbound message waits for the others before it is
     *                            handed on with what arrived
     * @param receiptId           how the id in a receipt relates to the id the SMSC gave in {@code submit_sm_resp}
     */
    public record Smpp(
            @NotBlank @DefaultValue("localhost") String host,
            @Min(1) @Max(65535) @DefaultValue("2775") int port,
            @DefaultValue("engine") String systemId,
            @DefaultValue("secret") String password,
            @DefaultValue("") String systemType,
            @DefaultValue("SMSENGINE") String sourceAddress,
            @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration enquireLinkInterval,
            @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration responseTimeout,
            @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration reconnectDelay,
            @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration reconnectDelayMax,
            @Positive @DefaultValue("10000") int inboundIncomplete,
            @NotNull @DurationMin(millis = 1) @DefaultValue("5m") Duration inboundPartsTimeout,
            @NotNull @DefaultValue("AUTO") ReceiptId receiptId) {
    }

    /**
     * How an SMSC's receipts name a part, against its {@code submit_sm_resp} (as Kannel's {@code msg-id-type}).
     * SAME: as it was answered. HEX_TO_DECIMAL: answered in hexadecimal, the receipt in decimal; DECIMAL_TO_HEX: the
     * other way round (with either, the engine keeps both in decimal, as Kannel does, so case and leading zeros do not
     * matter). AUTO: the id as it came first, then, when it matches no part, its other base, where the forms of the
     * recent ids allow it (a hexadecimal answer with letters and receipts of digits only, or the reverse).
     */
    public enum ReceiptId {
        SAME, HEX_TO_DECIMAL, DECIMAL_TO_HEX, AUTO
    }

    /**
     * The REST API of an HTTP provider: one request per message (the peer splits a long text itself).
     *
     * @param url            where messages are sent; may hold placeholders, whose values are URL-encoded there
     * @param method         the request's HTTP method
     * @param headers        headers sent with every request
     * @param auth           how requests authenticate
     * @param body           the request body, with placeholders {@code {{to}}} (E.164 with +), {@code {{from}}},
     *                       {@code {{text}}}, {@code {{reference}}}, {@code {{encoding}}} (GSM7, UCS2) and
     *                       {@code {{segments}}}; values are JSON-escaped for a JSON body, URL-encoded for a form
     * @param contentType    JSON ({@code application/json}, {@code ...+json}) or {@code application/x-www-form-urlencoded}
     * @param sourceAddress  the sender ({@code {{from}}}) of batches that name none
     * @param requestTimeout how long to wait for the answer; then the message is a retry-later ({@code http:timeout})
     * @param connectTimeout how long to wait for a connection; then {@code http:unreachable}
     * @param answer         how the provider's answer is read
     * @param receipts       the delivery receipts the provider posts
     */
    public record Http(
            String url,
            @NotBlank @DefaultValue("POST") String method,
            @DefaultValue Map<String, String> headers,
            @Valid @DefaultValue Auth auth,
            @NotBlank @DefaultValue("application/json") String contentType,
            @DefaultValue("{\"to\":\"{{to}}\",\"from\":\"{{from}}\",\"text\":\"{{text}}\",\"reference\":\"{{reference}}\"}")
            String body,
            @DefaultValue("SMSENGINE") String sourceAddress,
            @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration requestTimeout,
            @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration connectTimeout,
            @Valid @DefaultValue Answer answer,
            @Valid @DefaultValue Receipts receipts) {

        public enum AuthType {
            NONE, BASIC, BEARER
        }

        /**
         * How requests authenticate: none, HTTP Basic ({@code username}, {@code password}) or a bearer {@code token}.
         *
         * @param type     NONE, BASIC or BEARER
         * @param username HTTP Basic's user name
         * @param password HTTP Basic's password
         * @param token    the bearer token
         */
        public record Auth(@NotNull @DefaultValue("NONE") AuthType type, String username, String password, String token) {
        }

        /**
         * How the provider's answer is read. Statuses are lists of codes, ranges and classes ({@code 2xx},
         * {@code 429}, {@code 500-599}); a status in neither list is a rejection.
         *
         * @param accepted  statuses that mean the message was taken
         * @param retry     statuses that mean "not now" (timeouts and refused connections are too)
         * @param messageId JSON pointer to the provider's id of the message in an accepting answer
         * @param errorCode JSON pointer to the provider's error code in a refusing answer (for people); unset: none
         */
        public record Answer(
                @DefaultValue("2xx") String accepted,
                @DefaultValue("429,5xx") String retry,
                @DefaultValue("/messageId") String messageId,
                String errorCode) {
        }

        public enum Verification {
            NONE, SHARED_SECRET, HMAC_SHA256
        }

        public enum SignatureEncoding {
            HEX, BASE64
        }

        /**
         * Delivery receipts the provider posts to {@code /api/v1/providers/{name}/receipts}: a JSON object or
         * an array of them. Off while {@code messageId} is unset.
         *
         * @param messageId JSON pointer to the provider's id of the message
         * @param status    JSON pointer to its state; states not in {@code statuses} (queued, sent...) are ignored
         * @param error     JSON pointer to the carrier's error code; unset: none
         * @param doneAt    JSON pointer to when the state was reached (ISO-8601, or epoch seconds); unset: none
         * @param statuses  the provider's final states (matched without regard to case) and what each means
         * @param verify    how a request proves it comes from the provider: {@code header} equals {@code secret}
         *                  (SHARED_SECRET), or {@code header} carries the HMAC-SHA256 of the raw body under
         *                  {@code secret} in {@code encoding} (HMAC_SHA256); NONE only on a network of your own
         * @param header    the header that carries the secret or the signature
         * @param secret    the shared secret, or the key of the HMAC
         * @param encoding  the signature's encoding: HEX or BASE64
         * @param maxBody   larger requests are refused (413) before anything is read
         */
        public record Receipts(
                String messageId,
                @DefaultValue("/status") String status,
                String error,
                String doneAt,
                @DefaultValue Map<String, ReceiptStatus> statuses,
                Verification verify,
                @DefaultValue("X-Signature") String header,
                String secret,
                @NotNull @DefaultValue("HEX") SignatureEncoding encoding,
                @NotNull @DefaultValue("1MB") DataSize maxBody) {

            public boolean enabled() {
                return messageId != null && !messageId.isBlank();
            }
        }
    }
}
