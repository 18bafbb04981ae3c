package org.smsengine.simulator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.InetAddress;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the simulated SMSC behaves ({@code sms.simulator}): over SMPP, and as an HTTP provider (its
 * {@code POST /http/messages} is judged by the same cap, error shares and scripts, and counted in the same accounting).
 *
 * @param enabled             start it inside the engine (the development run and the tests do)
 * @param port                its SMPP port
 * @param systemId            the system_id a bind must give
 * @param password            the password a bind must give (a development password: see bindAddress)
 * @param latency             delay before each {@code submit_sm_resp}
 * @param maxTps              {@code submit_sm} per second it accepts, with a burst of a tenth of a second's worth;
 *                            above it answers ESME_RTHROTTLED (0 = no cap)
 * @param transientErrorRate  share of submissions refused with ESME_RTHROTTLED although under the cap
 * @param permanentErrorRate  share refused with ESME_RINVDSTADR (invalid destination)
 * @param receiptDelay        how long after accepting a part its delivery receipt comes
 * @param undeliveredRate     share of receipts that say UNDELIV (the rest DELIVRD, but for the next two)
 * @param expiredRate         share of receipts that say EXPIRED
 * @param rejectedRate        share of receipts that say REJECTD
 * @param accountDestinations count accepted submissions per destination (tests prove there is no double send with it)
 * @param recordParts         keep what the last this-many accepted parts carried (data coding, UDH, text), for tests
 * @param pduProcessors       threads per session that answer PDUs; more than the cores only adds switching
 * @param receiptThreads      threads that send receipts (each {@code deliver_sm} waits for its response)
 * @param httpPort            the HTTP side ({@code GET /accounting}, {@code POST /mo}, {@code POST /http/messages}); in
 *                            the engine it is served only when set, standalone on this port or the SMPP port + 1
 * @param stopReplyRate       share of accepted messages whose recipient replies STOP (an MO to the message's sender,
 *                            after its receipt); chosen by a hash of the recipient's number, so a run is reproducible
 * @param httpReceiptUrl      where the receipts of messages taken by {@code POST /http/messages} are posted, as an HTTP
 *                            provider's webhook: {@code {"messageId", "status": "delivered|undelivered|expired|rejected",
 *                            "error", "doneAt"}}, {@code receiptDelay} after each, with the mix of outcomes above; unset:
 *                            none is sent
 * @param httpReceiptSecret   the key of the HMAC-SHA256 of each receipt's body, sent hex-encoded in {@code X-Signature};
 *                            unset: receipts go unsigned
 * @param httpThreads         threads of the HTTP side: requests it serves at once (a submission waits out
 *                            {@code latency} on one)
 * @param receiptStyle        where an SMPP receipt carries its result: TEXT (the text in {@code short_message}), TLV
 *                            ({@code receipted_message_id}, {@code message_state}, {@code network_error_code}, and an
 *                            empty {@code short_message}), BOTH, or PAYLOAD (the text in {@code message_payload})
 * @param receiptPdu          the PDU of an SMPP receipt: DELIVER_SM, or DATA_SM (which has no {@code short_message}:
 *                            its text goes in {@code message_payload})
 * @param idFormat            the ids of accepted messages: HEX, DECIMAL, UUID, or HEX_WITH_DECIMAL_RECEIPTS (answered in
 *                            hexadecimal, the same number in decimal in its SMPP receipts, as some SMSCs do)
 * @param bindAddress         the address both sides listen on: loopback, unless told otherwise ({@code 0.0.0.0}: every
 *                            interface, as in a container). Neither side is for anyone else: the HTTP side asks no one
 *                            who they are, and the SMPP side's bind is a development password
 */
@ConfigurationProperties("sms.simulator")
@Validated
public record SimulatorSettings(
        @DefaultValue("false") boolean enabled,
        @Min(0) @Max(65535) @DefaultValue("2775") int port,
        @DefaultValue("engine") String systemId,
        @DefaultValue("secret") String password,
        @NotNull @DurationMin @DefaultValue("0ms") Duration latency,
        @PositiveOrZero @DefaultValue("0") int maxTps,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double transientErrorRate,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double permanentErrorRate,
        @NotNull @DurationMin @DefaultValue("50ms") Duration receiptDelay,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double undeliveredRate,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double expiredRate,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double rejectedRate,
        @DefaultValue("true") boolean accountDestinations,
        @PositiveOrZero @DefaultValue("0") int recordParts,
        @Positive @DefaultValue("4") int pduProcessors,
        @Positive @DefaultValue("16") int receiptThreads,
        @Min(0) @Max(65535) Integer httpPort,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double stopReplyRate,
        String httpReceiptUrl,
        String httpReceiptSecret,
        @Positive @DefaultValue("16") int httpThreads,
        @NotNull @DefaultValue("TEXT") ReceiptStyle receiptStyle,
        @NotNull @DefaultValue("DELIVER_SM") ReceiptPdu receiptPdu,
        @NotNull @DefaultValue("HEX") IdFormat idFormat,
        @NotNull @DefaultValue("127.0.0.1") InetAddress bindAddress) {

    /** Where an SMPP receipt carries its result. */
    public enum ReceiptStyle {
        TEXT, TLV, BOTH, PAYLOAD
    }

    /** The PDU of an SMPP receipt. */
    public enum ReceiptPdu {
        DELIVER_SM, DATA_SM
    }

    /** The ids of accepted messages, and of their SMPP receipts. */
    public enum IdFormat {
        HEX, DECIMAL, UUID, HEX_WITH_DECIMAL_RECEIPTS
    }
}
