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
}
