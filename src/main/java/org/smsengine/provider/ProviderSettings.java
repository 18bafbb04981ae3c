package org.smsengine.provider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The providers of this engine ({@code sms.providers}) and the one batches use unless they name another.
 *
 * @param defaultProvider the provider of a batch that names none; the first definition when not set
 */
@ConfigurationProperties("sms.providers")
public record ProviderSettings(String defaultProvider, @DefaultValue List<Definition> definitions) {

    /** SMPP: a carrier's SMSC; HTTP: a REST API configured as data; GATEWAY: phones that pull their messages. */
    public enum Type {
        SMPP, HTTP, GATEWAY
    }

    /**
     * One provider.
     *
     * @param tps      submissions ({@code submit_sm}, one per part) per second the provider allows; an HTTP
     *                 provider's messages are paced by their parts too, though each is one request
     * @param window   requests in flight per session (HTTP: requests at once, times {@code sessions})
     * @param sessions connections (binds) to keep open on each node; HTTP has no sessions of its own: leave 1
     * @param maxBinds the binds the carrier allows the whole cluster (0: no limit, each node opens {@code sessions}):
     *                 the nodes share them (each at most its share, {@code maxBinds} over the live nodes, rounded up,
     *                 and never more than {@code sessions}), leased in Redis; a node's share returns when it leaves
     * @param gateway  the queue and leases of a GATEWAY provider
     * @param http     the request, answer and receipts of an HTTP provider
     */
    public record Definition(
            String name,
            @DefaultValue("SMPP") Type type,
            @DefaultValue("100") int tps,
            @DefaultValue("32") int window,
            @DefaultValue("1") int sessions,
            @DefaultValue("0") int maxBinds,
            @DefaultValue Smpp smpp,
            @DefaultValue Gateway gateway,
            @DefaultValue Http http) {
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
            @DefaultValue("2m") Duration lease,
            @DefaultValue("50") int maxPerPull,
            @DefaultValue("1000") int maxPerReport,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("10000") int queueCapacity,
            @DefaultValue("1s") Duration queueCheckInterval) {
    }

    /**
     * The SMPP connection of a provider.
     *
     * @param sourceAddress       the sender of batches that name none
     * @param enquireLinkInterval how often to check an idle session is alive
     * @param responseTimeout     how long to wait for a response before the request counts as failed (transient)
     * @param reconnectDelay      wait before the first reconnection; doubles up to {@code reconnectDelayMax}
     * @param inboundIncomplete   inbound (MO) messages that may wait for their other parts at once; the oldest is
     *                            handed on as it is when one more comes
     * @param inboundPartsTimeout how long after its first part an inbound message waits for the others before it is
     *                            handed on with what arrived
     * @param receiptId           how the id in a receipt relates to the id the SMSC gave in {@code submit_sm_resp}
     */
    public record Smpp(
            @DefaultValue("localhost") String host,
            @DefaultValue("2775") int port,
            @DefaultValue("engine") String systemId,
            @DefaultValue("secret") String password,
            @DefaultValue("") String systemType,
            @DefaultValue("SMSENGINE") String sourceAddress,
            @DefaultValue("30s") Duration enquireLinkInterval,
            @DefaultValue("10s") Duration responseTimeout,
            @DefaultValue("1s") Duration reconnectDelay,
            @DefaultValue("30s") Duration reconnectDelayMax,
            @DefaultValue("10000") int inboundIncomplete,
            @DefaultValue("5m") Duration inboundPartsTimeout,
            @DefaultValue("AUTO") ReceiptId receiptId) {
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
     * @param body           the request body, with placeholders {@code {{to}}} (E.164 with +), {@code {{from}}},
     *                       {@code {{text}}}, {@code {{reference}}}, {@code {{encoding}}} (GSM7, UCS2) and
     *                       {@code {{segments}}}; values are JSON-escaped for a JSON body, URL-encoded for a form
     * @param contentType    JSON ({@code application/json}, {@code ...+json}) or {@code application/x-www-form-urlencoded}
     * @param sourceAddress  the sender ({@code {{from}}}) of batches that name none
     * @param requestTimeout how long to wait for the answer; then the message is a retry-later ({@code http:timeout})
     * @param connectTimeout how long to wait for a connection; then {@code http:unreachable}
     */
    public record Http(
            String url,
            @DefaultValue("POST") String method,
            @DefaultValue Map<String, String> headers,
            @DefaultValue Auth auth,
            @DefaultValue("application/json") String contentType,
            @DefaultValue("{\"to\":\"{{to}}\",\"from\":\"{{from}}\",\"text\":\"{{text}}\",\"reference\":\"{{reference}}\"}")
            String body,
            @DefaultValue("SMSENGINE") String sourceAddress,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue Answer answer,
            @DefaultValue Receipts receipts) {

        public enum AuthType {
            NONE, BASIC, BEARER
        }

        /** How requests authenticate: none, HTTP Basic ({@code username}, {@code password}) or a bearer {@code token}. */
        public record Auth(@DefaultValue("NONE") AuthType type, String username, String password, String token) {
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
                @DefaultValue("HEX") SignatureEncoding encoding,
                @DefaultValue("1MB") DataSize maxBody) {

            public boolean enabled() {
                return messageId != null && !messageId.isBlank();
            }
        }
    }
}
