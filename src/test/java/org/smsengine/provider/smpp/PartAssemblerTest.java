package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.Test;

class PartAssemblerTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final String LONG = "退订".repeat(70) + "\uD83D\uDE00 好";     // 144 units: three parts of 67 at most

    private final PartAssembler assembler = new PartAssembler(3, Duration.ofMinutes(5));

    @Test
    void threeUcs2PartsOutOfOrderWithADuplicateMakeOneMessage() {
        List<InboundPart> parts = parts(LONG, 0x17);
        assertThat(assembler.offer(parts.get(2), T0)).isEmpty();
        assertThat(assembler.offer(parts.get(0), T0.plusSeconds(1))).isEmpty();
        assertThat(assembler.offer(parts.get(2), T0.plusSeconds(2))).isEmpty();
        Optional<PartAssembler.Assembled> whole = assembler.offer(parts.get(1), T0.plusSeconds(3));
        assertThat(whole).get().satisfies(message -> {
            assertThat(message.text()).isEqualTo(LONG);
            assertThat(message.key().from()).isEqualTo("+8613800138000");
            assertThat(message.lastAt()).isEqualTo(T0.plusSeconds(3));
        });
        assertThat(assembler.incomplete()).isZero();
    }

    @Test
    void aPartSentAgainAfterItsMessageWasWholeIsADuplicate() {
        List<InboundPart> parts = parts(LONG, 0x17);
        parts.forEach(part -> assembler.offer(part, T0));
        assertThat(assembler.offer(parts.get(1), T0.plusSeconds(1))).isEmpty();
        assertThat(assembler.incomplete()).isZero();
    }

    @Test
    void aSurrogatePairCutBetweenTwoPartsIsWholeAgain() {
        String text = "a".repeat(66) + "\uD83D\uDE00" + "b";
        List<InboundPart> parts = parts(text, 0x01);
        parts.forEach(part -> assembler.offer(part, T0));
        assertThat(assembler.overdue(T0)).isEmpty();
        List<InboundPart> again = parts(text, 0x02);
        assembler.offer(again.get(1), T0);
        assertThat(assembler.offer(again.get(0), T0).orElseThrow().text()).isEqualTo(text);
    }

    @Test
    void sixteenBitReferencesAndSarPartsAssembleAlike() {
        DeliverSm first = InboundPdus.sar("447700900123", "SHOP", "Hello ".getBytes(StandardCharsets.US_ASCII), 0x1234, 2, 1);
        DeliverSm second = InboundPdus.sar("447700900123", "SHOP", "world".getBytes(StandardCharsets.US_ASCII), 0x1234, 2, 2);
        assertThat(assembler.offer(InboundPart.of(second, second.getShortMessage()), T0)).isEmpty();
        assertThat(assembler.offer(InboundPart.of(first, first.getShortMessage()), T0).orElseThrow().text()).isEqualTo("Hello world");
    }

    @Test
    void theSameReferenceFromAnotherSenderIsAnotherMessage() {
        List<InboundPart> mine = parts(LONG, 0x17);
        DeliverSm other = InboundPdus.ucs2Parts("8613900139000", "SHOP", LONG, 67, 0x17).get(1);
        InboundPart theirs = InboundPart.of(other, other.getShortMessage());
        assembler.offer(mine.get(0), T0);
        assembler.offer(theirs, T0);
        assembler.offer(mine.get(2), T0);
        assertThat(assembler.offer(mine.get(1), T0)).get().extracting(PartAssembler.Assembled::text).isEqualTo(LONG);
        assertThat(assembler.incomplete()).isEqualTo(1);
    }

    @Test
    void anIncompleteMessageIsHandedOnWithWhatArrivedOnceItsTimeoutPassed() {
        List<InboundPart> parts = parts(LONG, 0x17);
        assembler.offer(parts.get(0), T0);
        assembler.offer(parts.get(2), T0.plusSeconds(10));
        assertThat(assembler.overdue(T0.plus(Duration.ofMinutes(4)))).isEmpty();
        List<PartAssembler.Assembled> overdue = assembler.overdue(T0.plus(Duration.ofMinutes(5)));
        assertThat(overdue).singleElement().satisfies(message -> {
            assertThat(message.missing()).isEqualTo(1);
            assertThat(message.text()).isEqualTo(LONG.substring(0, 67) + "…" + LONG.substring(134));
        });
        assertThat(assembler.incomplete()).isZero();
    }

    @Test
    void beyondItsBoundTheOldestIncompleteMessageIsLetGo() {
        for (int reference = 1; reference <= 4; reference++) {
            assembler.offer(parts(LONG, reference).get(0), T0.plusSeconds(reference));
        }
        assertThat(assembler.incomplete()).isEqualTo(3);
        List<PartAssembler.Assembled> letGo = assembler.overdue(T0.plusSeconds(5));
        assertThat(letGo).singleElement().extracting(message -> message.key().reference()).isEqualTo(1);
        assertThat(letGo.get(0).missing()).isEqualTo(2);
    }

    @Test
    void aMessageTheSinkRefusedIsCompletedAgainByTheRetryOfItsLastPart() {
        List<InboundPart> parts = parts(LONG, 0x17);
        assembler.offer(parts.get(0), T0);
        assembler.offer(parts.get(1), T0);
        PartAssembler.Assembled whole = assembler.offer(parts.get(2), T0).orElseThrow();
        assembler.putBack(whole, parts.get(2), T0);
        assertThat(assembler.offer(parts.get(1), T0)).isEmpty();
        assertThat(assembler.offer(parts.get(2), T0.plusSeconds(1))).get().extracting(PartAssembler.Assembled::text).isEqualTo(LONG);
    }

    private static List<InboundPart> parts(String text, int reference) {
        return InboundPdus.ucs2Parts("8613800138000", "SHOP", text, 67, reference).stream()
                .map(pdu -> InboundPart.of(pdu, pdu.getShortMessage())).toList();
    }
}
