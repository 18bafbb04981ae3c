package org.smsengine.provider.smpp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.ProcessRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.provider.InboundMessage;
import org.smsengine.provider.InboundSink;

/**
 * Where a provider's inbound parts go: a message of one part straight to the sink, the others
 * through the provider's {@link PartAssembler}. It runs on the protocol thread, and the SMSC has
 * its response only once the sink returned: when the sink fails, the part is refused with a
 * temporary error (ESME_RX_T_APPN) and the SMSC offers it again; the parts before it stay in the
 * assembler for that retry. Messages the assembler let go incomplete are handed on by
 * {@link #sweep}, on a timer: their parts were acknowledged already, so a sink failure there can
 * only be logged.
 */
final class InboundReception {

    private static final Logger log = LoggerFactory.getLogger(InboundReception.class);

    private final String provider;
    private final InboundSink sink;
    private final PartAssembler assembler;
    private final Clock clock;

    InboundReception(String provider, InboundSink sink, PartAssembler assembler, Clock clock) {
        this.provider = provider;
        this.sink = sink;
        this.assembler = assembler;
        this.clock = clock;
    }

    /** How often {@link #sweep} should run for a timeout: often enough to keep to it, not more than every 100 ms. */
    static Duration sweepInterval(Duration timeout) {
        Duration tenth = timeout.dividedBy(10);
        return tenth.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100)
                : tenth.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : tenth;
    }

    void take(InboundPart part) throws ProcessRequestException {
        Instant now = clock.instant();
        if (part.single()) {
            hand(new InboundMessage(provider, part.from(), part.to(), InboundDecoder.text(part.dataCoding(), part.payload()), now));
            return;
        }
        Optional<PartAssembler.Assembled> whole = assembler.offer(part, now);
        if (whole.isPresent()) {
            try {
                hand(message(whole.get()));
            } catch (ProcessRequestException e) {
                assembler.putBack(whole.get(), part, now);
                throw e;
            }
        }
    }

    /** Hands on the messages the assembler let go incomplete. */
    void sweep() {
        for (PartAssembler.Assembled overdue : assembler.overdue(clock.instant())) {
            log.warn("{}: an inbound message from {} to {} has {} of its {} parts missing after {}; handed on with what arrived",
                    provider, overdue.key().from(), overdue.key().to(), overdue.missing(), overdue.parts().length,
                    Duration.between(overdue.firstAt(), clock.instant()));
            try {
                sink.accept(message(overdue));
            } catch (RuntimeException e) {
                log.error("{}: an incomplete inbound message from {} to {} could not be kept and is lost", provider,
                        overdue.key().from(), overdue.key().to(), e);
            }
        }
    }

    private InboundMessage message(PartAssembler.Assembled assembled) {
        return new InboundMessage(provider, assembled.key().from(), assembled.key().to(), assembled.text(), assembled.lastAt());
    }

    private void hand(InboundMessage message) throws ProcessRequestException {
        try {
            sink.accept(message);
        } catch (RuntimeException e) {
            log.warn("{}: an inbound message from {} was not kept ({}); the SMSC is asked to offer it again", provider,
                    message.from(), e.toString());
            throw new ProcessRequestException("inbound message not kept: " + e.getMessage(), SMPPConstant.STAT_ESME_RX_T_APPN, e);
        }
    }
}
