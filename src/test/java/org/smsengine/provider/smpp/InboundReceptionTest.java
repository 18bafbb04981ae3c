package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.InboundMessage;

class InboundReceptionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    private final List<InboundMessage> kept = new ArrayList<>();
    private boolean failing;
    private final InboundReception reception = new InboundReception("p", message -> {
        if (failing) {
            throw new IllegalStateException("database down");
        }
        kept.add(message);
    }, new PartAssembler(10, Duration.ofMinutes(5)), CLOCK);

    @Test
    void aMessageTheSinkCannotKeepIsRefusedWithATemporaryErrorAndTakenOnItsRetry() throws Exception {
        List<DeliverSm> parts = InboundPdus.ucs2Parts("8613800138000", "SHOP", "退订".repeat(40), 67, 9);
        reception.take(InboundPart.of(parts.get(0), parts.get(0).getShortMessage()));
        failing = true;
        assertThatThrownBy(() -> reception.take(InboundPart.of(parts.get(1), parts.get(1).getShortMessage())))
                .isInstanceOf(ProcessRequestException.class)
                .extracting(e -> ((ProcessRequestException) e).getErrorCode()).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN);
        failing = false;
        reception.take(InboundPart.of(parts.get(1), parts.get(1).getShortMessage()));
        assertThat(kept).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("退订".repeat(40));
            assertThat(message.from()).isEqualTo("+8613800138000");
            assertThat(message.provider()).isEqualTo("p");
        });
    }

    @Test
    void aSinglePartGoesStraightToTheSink() throws Exception {
        DeliverSm stop = InboundPdus.deliverSm("8613800138000", "SHOP", 0, "Stop.".getBytes(StandardCharsets.US_ASCII));
        reception.take(InboundPart.of(stop, stop.getShortMessage()));
        assertThat(kept).containsExactly(new InboundMessage("p", "+8613800138000", "SHOP", "Stop.", CLOCK.instant()));
    }

    @Test
    void theSweepRunsOftenEnoughForTheTimeoutAndNoMore() {
        assertThat(InboundReception.sweepInterval(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(10));
        assertThat(InboundReception.sweepInterval(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(2));
        assertThat(InboundReception.sweepInterval(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(100));
    }
}
