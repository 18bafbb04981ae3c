package org.smsengine.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.smsengine.SampleData;

class SegmentCounterTest {

    @Test
    void plainAsciiIsOneGsmSegmentUpTo160Septets() {
        assertThat(SegmentCounter.encode("a".repeat(160))).isEqualTo(new EncodedText(SmsEncoding.GSM7, 160, 1));
    }

    @Test
    void the161stSeptetSplitsIntoPartsOf153() {
        assertThat(SegmentCounter.encode("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SegmentCounter.encode("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SegmentCounter.encode("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void gsmBasicCharactersOutsideAsciiStayGsm() {
        EncodedText text = SegmentCounter.encode("Müller £5 è é ù ì ò Ç Ø å Δ Φ Ω ß É ¡ ¿ ñ à §");
        assertThat(text.encoding()).isEqualTo(SmsEncoding.GSM7);
    }

    @Test
    void extensionTableCharactersCostTwoSeptets() {
        EncodedText text = SegmentCounter.encode("€{}[]~|^\\\f");
        assertThat(text).isEqualTo(new EncodedText(SmsEncoding.GSM7, 20, 1));
    }

    @Test
    void extensionCharactersCanPushAMessageOverTheSinglePartLimit() {
        assertThat(SegmentCounter.encode("a".repeat(158) + "€").segments()).isEqualTo(1);
        assertThat(SegmentCounter.encode("a".repeat(159) + "€").segments()).isEqualTo(2);
    }

    @Test
    void anEscapeSequenceIsNeverSplitAcrossParts() {
        // 152 septets then a two-septet character: the first part cannot take it, so it carries 152.
        String text = "a".repeat(152) + "€" + "a".repeat(152);
        assertThat(SegmentCounter.encode(text)).isEqualTo(new EncodedText(SmsEncoding.GSM7, 306, 3));
    }

    @Test
    void anyCharacterOutsideTheAlphabetForcesUcs2() {
        assertThat(SegmentCounter.encode("Zoë").encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(SegmentCounter.encode("张伟").encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(SegmentCounter.encode("ç").encoding()).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void ucs2IsOneSegmentUpTo70UnitsThenPartsOf67() {
        assertThat(SegmentCounter.encode("张".repeat(70))).isEqualTo(new EncodedText(SmsEncoding.UCS2, 70, 1));
        assertThat(SegmentCounter.encode("张".repeat(71)).segments()).isEqualTo(2);
        assertThat(SegmentCounter.encode("张".repeat(134)).segments()).isEqualTo(2);
        assertThat(SegmentCounter.encode("张".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void emojiCountsAsTwoUtf16UnitsAndIsNeverSplit() {
        assertThat(SegmentCounter.encode("😀").units()).isEqualTo(2);
        assertThat(SegmentCounter.encode("😀".repeat(35))).isEqualTo(new EncodedText(SmsEncoding.UCS2, 70, 1));
        assertThat(SegmentCounter.encode("a" + "😀".repeat(35)).segments()).isEqualTo(2);
        // 66 units then an emoji: the pair moves whole into the second part.
        assertThat(SegmentCounter.encode("a".repeat(66) + "😀" + "a".repeat(65)).segments()).isEqualTo(2);
        assertThat(SegmentCounter.encode("a".repeat(66) + "😀" + "a".repeat(66)).segments()).isEqualTo(3);
    }

    @Test
    void emptyTextIsStillOneSegment() {
        assertThat(SegmentCounter.encode("")).isEqualTo(new EncodedText(SmsEncoding.GSM7, 0, 1));
    }

    @Test
    void agreesWithTheSampleOnSegmentsAndUcs2Messages() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(SampleData.expectedJson().toFile());
        MessageTemplate template = MessageTemplate.parse(expected.get("template").asText());
        List<CSVRecord> rows = SampleData.recipientRows();
        List<CSVRecord> outcomes = SampleData.expectedRows();
        int segments = 0;
        int ucs2 = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!outcomes.get(i).get("outcome").equals("valid")) {
                continue;
            }
            String[] values = template.variables().stream().map(rows.get(i)::get).toArray(String[]::new);
            EncodedText text = SegmentCounter.encode(template.render(values));
            segments += text.segments();
            ucs2 += text.encoding() == SmsEncoding.UCS2 ? 1 : 0;
        }
        assertThat(segments).isEqualTo(expected.get("segments").asInt());
        assertThat(ucs2).isEqualTo(expected.get("ucs2Messages").asInt());
    }

    @Test
    void cutsTextIntoExactlyTheCountedSegments() {
        String[] texts = {"a".repeat(160), "a".repeat(161), "a".repeat(152) + "€" + "a".repeat(152), "张".repeat(135),
                "a".repeat(66) + "😀" + "a".repeat(66), "Hi", ""};
        for (String text : texts) {
            EncodedText encoded = SegmentCounter.encode(text);
            List<String> parts = SegmentCounter.split(text, encoded.encoding());
            assertThat(parts).as(text).hasSize(encoded.segments());
            assertThat(String.join("", parts)).isEqualTo(text);
        }
    }

    @Test
    void noPartEndsInsideAnEscapeOrASurrogatePair() {
        List<String> gsm = SegmentCounter.split("a".repeat(152) + "€" + "a".repeat(152), SmsEncoding.GSM7);
        assertThat(gsm.get(0)).hasSize(152);
        assertThat(gsm.get(1)).startsWith("€");
        List<String> ucs2 = SegmentCounter.split("a".repeat(66) + "😀" + "a".repeat(66), SmsEncoding.UCS2);
        assertThat(ucs2.get(0)).hasSize(66);
        assertThat(ucs2.get(1)).startsWith("😀");
    }

    @Test
    void gsmOctetsAreUnpackedSeptetsWithEscapesForTheExtensionTable() {
        assertThat(SegmentCounter.octets("@A€{", SmsEncoding.GSM7)).containsExactly(0x00, 0x41, 0x1B, 0x65, 0x1B, 0x28);
        assertThat(SegmentCounter.octets("ÆΞé", SmsEncoding.GSM7)).containsExactly(0x1C, 0x1A, 0x05);
        assertThat(SegmentCounter.octets("张", SmsEncoding.UCS2)).containsExactly(0x5F, 0x20);
    }

    @Test
    void octetsDecodeBackToTheSameText() {
        String gsm = "Hi {Ann} €5 @ Åse, ÆΞé [x] ~ ^ | \\";
        assertThat(SegmentCounter.text(SegmentCounter.octets(gsm, SmsEncoding.GSM7), SmsEncoding.GSM7)).isEqualTo(gsm);
        String ucs2 = "张伟 😀 Zoë";
        assertThat(SegmentCounter.text(SegmentCounter.octets(ucs2, SmsEncoding.UCS2), SmsEncoding.UCS2)).isEqualTo(ucs2);
    }

    @Test
    void theEscapeCharacterItselfIsNotGsm() {
        assertThat(SegmentCounter.encode("\u001B").encoding()).isEqualTo(SmsEncoding.UCS2);
    }
}
