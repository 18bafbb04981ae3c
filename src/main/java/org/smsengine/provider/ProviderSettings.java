package org.smsengine.provider;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
     * @param tps      submissions ({@code submit_sm}, one per part) per second the provider allows
     * @param window   requests in flight per session
     * @param sessions connections (binds) to keep open
     * @param gateway  the queue and leases of a GATEWAY provider
     */
    public record Definition(
            String name,
            @DefaultValue("SMPP") Type type,
            @DefaultValue("100") int tps,
            @DefaultValue("32") int window,
            @DefaultValue("1") int sessions,
            @DefaultValue Smpp smpp,
            @DefaultValue Gateway gateway) {
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
            @DefaultValue("5m") Duration inboundPartsTimeout) {
    }
}
