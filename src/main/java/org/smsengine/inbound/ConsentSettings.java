package org.smsengine.inbound;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the engine makes of the messages handsets send ({@code sms.consent}): the keywords, per
 * language, and the replies. The defaults are in {@code application.yml}; docs/consent.md explains them.
 *
 * @param keywords      the words that opt a number out, back in, or ask for help, per language
 * @param replies       the answer to each keyword; empty: none is sent
 * @param replyInterval a number gets at most one reply per keyword in this time, so that two robots
 *                      answering each other cannot loop
 * @param replyThreads  threads that send replies (never the protocol's own: they must answer the SMSC at once)
 * @param replyBacklog  replies that may wait for those threads; beyond it a reply is dropped and the log says so
 */
@ConfigurationProperties("sms.consent")
public record ConsentSettings(
        @DefaultValue KeywordLists keywords,
        @DefaultValue Replies replies,
        @DefaultValue("10m") Duration replyInterval,
        @DefaultValue("2") int replyThreads,
        @DefaultValue("1000") int replyBacklog) {

    /**
     * The keywords of each kind, by language ({@code en: [STOP, UNSUBSCRIBE]}). The language only
     * groups them for the reader: a message is matched against every language at once.
     */
    public record KeywordLists(Map<String, List<String>> stop, Map<String, List<String>> start,
            Map<String, List<String>> help) {

        public KeywordLists {
            stop = stop == null ? Map.of() : stop;
            start = start == null ? Map.of() : start;
            help = help == null ? Map.of() : help;
        }

        Map<String, List<String>> of(Keyword keyword) {
            return switch (keyword) {
                case STOP -> stop;
                case START -> start;
                case HELP -> help;
            };
        }
    }

    /** The text sent back for each keyword; empty or absent: no reply. */
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
