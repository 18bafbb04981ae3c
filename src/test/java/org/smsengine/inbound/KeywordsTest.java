package org.smsengine.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordsTest {

    private final Keywords keywords = keywords(new ConsentSettings.KeywordLists(
            Map.of("en", List.of("STOP", "STOPALL", "UNSUBSCRIBE"), "zh", List.of("退订", "TD"), "fr", List.of("ARRET"),
                    "de", List.of("STOPP")),
            Map.of("en", List.of("START", "UNSTOP"), "zh", List.of("订阅")),
            Map.of("en", List.of("HELP", "INFO"), "es", List.of("AYUDA"))));

    private static Keywords keywords(ConsentSettings.KeywordLists lists) {
        return new Keywords(new ConsentSettings(lists, new ConsentSettings.Replies("", "", ""), Duration.ofMinutes(10), 2, 1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", "Stop.", " s t o p ", "STOP!!", "«stop»", "STOP 😡", "ＳＴＯＰ", "S-T-O-P",
            "stop\n", "\u200bstop", "退订", "退订。", " 退 订 ！", "td", "T.D.", "Arrêt", "ARRÊT !", "arret", "Stopp",
            "Unsubscribe"})
    void matchesAStopKeywordWhateverItsCaseSpacingPunctuationAndAccents(String text) {
        assertThat(keywords.match(text)).contains(Keyword.STOP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start!", "Un-stop", "订阅", "订阅。"})
    void matchesAStartKeyword(String text) {
        assertThat(keywords.match(text)).contains(Keyword.START);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help?", "Info", "¿Ayuda?", "AYÚDA"})
    void matchesAHelpKeyword(String text) {
        assertThat(keywords.match(text)).contains(Keyword.HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"please stop texting me", "stop it", "STOP2", "stopped", "退订吧", "", "   ", "!!!", "tdd",
            "helpme please", "START STOP"})
    void matchesNothingButTheWholeMessage(String text) {
        assertThat(keywords.match(text)).isEmpty();
    }

    @Test
    void aNullOrVeryLongTextIsNoKeyword() {
        assertThat(keywords.match(null)).isEmpty();
        assertThat(keywords.match(" ".repeat(200) + "STOP")).isEmpty();
    }

    @Test
    void refusesAWordThatIsTwoKindsOfKeyword() {
        assertThatThrownBy(() -> keywords(new ConsentSettings.KeywordLists(
                Map.of("en", List.of("STOP")), Map.of("fr", List.of("Stop!")), Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sms.consent.keywords.start.fr")
                .hasMessageContaining("already a STOP keyword");
    }

    @Test
    void refusesAKeywordWithoutALetter() {
        assertThatThrownBy(() -> keywords(new ConsentSettings.KeywordLists(
                Map.of("en", List.of("?!")), Map.of(), Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no letter or digit");
    }

    @Test
    void withNoKeywordsConfiguredTheBuiltInListsAnswer() {
        Keywords builtIn = keywords(new ConsentSettings.KeywordLists(null, null, null));
        assertThat(List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "退订", "TD", "ARRET", "BAJA", "STOPP",
                "PARAR")).allSatisfy(word -> assertThat(builtIn.match(word)).contains(Keyword.STOP));
        assertThat(List.of("START", "UNSTOP", "订阅")).allSatisfy(word -> assertThat(builtIn.match(word)).contains(Keyword.START));
        assertThat(List.of("HELP", "INFO", "帮助", "AIDE", "AYUDA", "HILFE"))
                .allSatisfy(word -> assertThat(builtIn.match(word)).contains(Keyword.HELP));
    }

    @Test
    void aConfiguredLanguageReplacesThatLanguagesBuiltInListAlone() {
        Keywords configured = keywords(new ConsentSettings.KeywordLists(Map.of("en", List.of("OPTOUT"), "pt", List.of()),
                null, null));
        assertThat(configured.match("OPTOUT")).contains(Keyword.STOP);
        assertThat(configured.match("UNSUBSCRIBE")).isEmpty();
        assertThat(configured.match("PARAR")).isEmpty();
        assertThat(configured.match("退订")).contains(Keyword.STOP);
        assertThat(configured.match("START")).contains(Keyword.START);
    }

    @Test
    void theSameWordInTwoLanguagesOfOneKindIsFine() {
        Keywords twice = keywords(new ConsentSettings.KeywordLists(
                Map.of("en", List.of("STOP"), "fr", List.of("STOP", "ARRÊT")), Map.of(), Map.of()));
        assertThat(twice.match("arret")).contains(Keyword.STOP);
    }
}
