package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboundDecoderTest {

    @Test
    void readsGsm7SeptetsWithTheExtensionTable() {
        byte[] septets = {0x50, 0x61, 0x79, 0x20, 0x1B, 0x65, 0x35, 0x20, 0x1B, 0x3C, 0x6F, 0x6B, 0x1B, 0x3E, 0x20, 0x00, 0x04};
        assertThat(InboundDecoder.text(0x00, septets)).isEqualTo("Pay €5 [ok] @è");
    }

    @Test
    void readsGsm7FromTheClassGroupToo() {
        assertThat(InboundDecoder.text(0xF0, new byte[] {0x53, 0x54, 0x4F, 0x50})).isEqualTo("STOP");
        assertThat(InboundDecoder.text(0xF1, new byte[] {0x1B, 0x65})).isEqualTo("€");
    }

    @Test
    void anEscapeToACodeTheExtensionTableLacksStandsForTheDefaultCharacter() {
        assertThat(InboundDecoder.text(0x00, new byte[] {0x1B, 0x41, 0x42, 0x1B})).isEqualTo("AB");
    }

    @Test
    void readsUcs2WithChineseAndAnEmojiAsASurrogatePair() {
        String text = "退订 \uD83D\uDE00";
        assertThat(InboundDecoder.text(0x08, text.getBytes(StandardCharsets.UTF_16BE))).isEqualTo(text);
        assertThat(InboundDecoder.text(0x08, text.getBytes(StandardCharsets.UTF_16BE))).hasSize(5);
    }

    @Test
    void readsLatin1AndBinaryAsLatin1AndIa5AsAscii() {
        assertThat(InboundDecoder.text(0x03, new byte[] {'c', 'a', 'f', (byte) 0xE9})).isEqualTo("café");
        assertThat(InboundDecoder.text(0x04, new byte[] {'c', 'a', 'f', (byte) 0xE9})).isEqualTo("café");
        assertThat(InboundDecoder.text(0xF4, new byte[] {(byte) 0xE9})).isEqualTo("é");
        assertThat(InboundDecoder.text(0x01, "Stop.".getBytes(StandardCharsets.US_ASCII))).isEqualTo("Stop.");
    }
}
