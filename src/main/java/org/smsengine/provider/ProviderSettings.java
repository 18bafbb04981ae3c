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
     */
    public record Definition(
            String name,
            @DefaultValue("SMPP") Type type,
            @DefaultValue("100") int tps,
            @DefaultValue("32") int window,
            @DefaultValue("1") int sessions,
            @DefaultValue Smpp smpp) {
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
