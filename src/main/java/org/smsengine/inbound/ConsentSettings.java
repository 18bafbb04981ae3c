package org.smsengine.inbound;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the engine makes of the messages handsets send ({@code sms.consent}): the keywords, per
 * language, and the replies; docs/consent.md explains them.
 *
 * @param keywords      the words that opt a number out, back in, or ask for help, per language
 * @param replies       the answer to each keyword, sent back through the provider that received it; empty: none is
 *                      sent
 * @param replyInterval a number gets at most one reply per keyword in this time, so that two robots
 *                      answering each other cannot loop
 * @param replyThreads  threads that send replies (never the protocol's own: they must answer the SMSC at once)
 * @param replyBacklog  replies that may wait for those threads; beyond it a reply is dropped and the log says so
 */
@ConfigurationProperties("sms.consent")
@Validated
public record ConsentSettings(
        @NotNull @DefaultValue KeywordLists keywords,
        @NotNull @DefaultValue Replies replies,
        @NotNull @DurationMin @DefaultValue("10m") Duration replyInterval,
        @Positive @DefaultValue("2") int replyThreads,
        @Positive @DefaultValue("1000") int replyBacklog) {

    /**
     * The keywords of each kind, by language ({@code en: [STOP, UNSUBSCRIBE]}). The language only
     * groups them for the reader: a message is matched against every language at once. The whole message
     * must be the keyword; case, spaces, punctuation, emoji and accents do not count ("Stop.", "s t o p",
     * "Arrêt!" match; "please stop" does not). A word may be of one kind only. A language given replaces that
     * language's built-in list alone ({@code []}: none in that language); the others stay.
     *
     * @param stop opts the number out; built in: en STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT; zh 退订, TD;
     *             fr ARRET; es BAJA; de STOPP; pt PARAR
     * @param start lifts an opt-out the number made by keyword (one made over the API or by import stays); built
     *             in: en START, UNSTOP; zh 订阅
     * @param help asks for help; built in: en HELP, INFO; zh 帮助; fr AIDE; es AYUDA; de HILFE
     */
    public record KeywordLists(Map<String, List<String>> stop, Map<String, List<String>> start,
            Map<String, List<String>> help) {

        private static final Map<String, List<String>> BUILT_IN_STOP = Map.of(
                "en", List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"), "zh", List.of("退订", "TD"),
                "fr", List.of("ARRET"), "es", List.of("BAJA"), "de", List.of("STOPP"), "pt", List.of("PARAR"));
        private static final Map<String, List<String>> BUILT_IN_START = Map.of(
                "en", List.of("START", "UNSTOP"), "zh", List.of("订阅"));
        private static final Map<String, List<String>> BUILT_IN_HELP = Map.of(
                "en", List.of("HELP", "INFO"), "zh", List.of("帮助"), "fr", List.of("AIDE"), "es", List.of("AYUDA"),
                "de", List.of("HILFE"));

        public KeywordLists {
            stop = builtInAnd(BUILT_IN_STOP, stop);
            start = builtInAnd(BUILT_IN_START, start);
            help = builtInAnd(BUILT_IN_HELP, help);
        }

        private static Map<String, List<String>> builtInAnd(Map<String, List<String>> builtIn,
                Map<String, List<String>> given) {
            Map<String, List<String>> lists = new LinkedHashMap<>(builtIn);
            if (given != null) {
                lists.putAll(given);
            }
            return lists;
        }

        Map<String, List<String>> of(Keyword keyword) {
            return switch (keyword) {
                case STOP -> stop;
                case START -> start;
                case HELP -> help;
            };
        }
    }

    /**
     * The text sent back for each keyword; empty or absent: no reply.
     *
     * @param stop  the one message an opted-out number may still get: the confirmation it asked for
     * @param start sent only when START did lift an opt-out
     * @param help  never to a number that is opted out
     */
    public record Replies(@DefaultValue("") String stop, @DefaultValue("") String start, @DefaultValue("") String help) {

        public Replies {
            stop = stop == null ? "" : stop;
            start = start == null ? "" : start;
            help = help == null ? "" : help;
        }

        String of(Keyword keyword) {
            return switch (keyword) {
                case STOP -> stop;
                case START -> start;
                case HELP -> help;
            };
        }
    }
}
