package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksTabsAndBackslashesAreEscapedAsJavaWritesThem() {
        assertThat(LogText.escape("a\r\nb\tc\\n")).isEqualTo("a\\r\\nb\\tc\\\\n");
    }

    @Test
    void otherControlCharactersAndUnpairedSurrogatesBecomeUnicodeEscapes() {
        assertThat(LogText.escape("bell\u0007 nul\u0000 del\u007F nel\u0085 ls\u2028 half\uD83D"))
                .isEqualTo("bell\\u0007 nul\\u0000 del\\u007F nel\\u0085 ls\\u2028 half\\uD83D");
    }

    @Test
    void printableTextIsLeftAsItIs() {
        assertThat(LogText.escape("Zoë 张伟 \uD83D\uDE00 \"quoted\"")).isEqualTo("Zoë 张伟 \uD83D\uDE00 \"quoted\"");
        assertThat(LogText.escape(null)).isEqualTo("null");
    }
}
