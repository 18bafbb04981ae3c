package org.smsengine.inbound;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells which keyword, if any, a message a handset sent is: the <em>whole</em> message must be the
 * keyword. "Stop.", " s t o p ", "STOP!!", "Arrêt", "退订。" and "td" are; "please stop texting me"
 * is not (a word inside a sentence may mean anything, and a free text is a person's to read).
 *
 * <p>Text and keywords are compared in one shape: decomposed (NFKD, so full-width letters become
 * plain ones and accents come apart), without spaces, punctuation, symbols (emoji), accents and
 * invisible characters, in upper case. Letters and digits are all that count. Consent errs on the
 * side of the handset: an angry "STOP!!! 😡" stops.
 *
 * <p>Every language's list is tried at once: a Chinese handset may send STOP, an English one TD. A
 * word may belong to one kind only; the engine refuses to start otherwise.
 */
@Component
public class Keywords {

    /** Longer than one single-part SMS cannot be a keyword, however it is spaced: spares the work on long texts. */
    private static final int LONGEST = 160;

    private final Map<String, Keyword> byWord;

    Keywords(ConsentSettings settings) {
        ConsentSettings.KeywordLists lists = settings.keywords();
        Map<String, Keyword> words = new HashMap<>();
        for (Keyword keyword : Keyword.values()) {
            lists.of(keyword).forEach((language, list) -> {
                for (String word : list == null ? List.<String>of() : list) {
                    add(words, keyword, language, word);
                }
            });
        }
        this.byWord = Map.copyOf(words);
    }

    /** The keyword the whole text is, or empty. */
    public Optional<Keyword> match(String text) {
        if (text == null || text.length() > LONGEST) {
            return Optional.empty();
        }
        return Optional.ofNullable(byWord.get(shape(text)));
    }

    /** The text as keywords are compared: NFKD, letters and digits only, upper case. */
    static String shape(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(Keywords::counts).forEach(kept::appendCodePoint);
        return kept.toString().toUpperCase(Locale.ROOT);
    }

    private static boolean counts(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL,
                    Character.FORMAT, Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    private static void add(Map<String, Keyword> words, Keyword keyword, String language, String word) {
        String where = "sms.consent.keywords." + keyword.name().toLowerCase(Locale.ROOT) + "." + language;
        String shaped = word == null ? "" : shape(word);
        if (shaped.isEmpty()) {
            throw new IllegalStateException(where + ": '" + word + "' has no letter or digit, so no message could match it");
        }
        Keyword other = words.putIfAbsent(shaped, keyword);
        if (other != null && other != keyword) {
            throw new IllegalStateException(where + ": '" + word + "' is already a " + other
                    + " keyword; a word can mean one thing only");
        }
    }
}
