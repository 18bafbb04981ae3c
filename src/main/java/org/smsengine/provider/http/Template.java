package org.smsengine.provider.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{name}}} placeholders, parsed once; each rendering fills them with values
 * escaped for where they stand (a JSON string, a form, a URL), so no value can change the text's
 * shape: a quote in a message's text stays inside its JSON string.
 */
final class Template {

    static final Set<String> PLACEHOLDERS = Set.of("to", "from", "text", "reference", "encoding", "segments");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private final List<String> literals;
    private final List<String> names;
    private final UnaryOperator<String> escape;

    private Template(List<String> literals, List<String> names, UnaryOperator<String> escape) {
        this.literals = literals;
        this.names = names;
        this.escape = escape;
    }

    /** @throws IllegalArgumentException naming a placeholder that is not one of {@link #PLACEHOLDERS} */
    static Template parse(String text, UnaryOperator<String> escape) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int end = 0;
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {{" + matcher.group(1) + "}}; the placeholders are "
                        + PLACEHOLDERS.stream().sorted().map(name -> "{{" + name + "}}").toList());
            }
            literals.add(text.substring(end, matcher.start()));
            names.add(matcher.group(1));
            end = matcher.end();
        }
        literals.add(text.substring(end));
        return new Template(List.copyOf(literals), List.copyOf(names), escape);
    }

    /** The text with every placeholder replaced by its escaped value (an absent value: empty). */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(literals.get(0));
        for (int i = 0; i < names.size(); i++) {
            String value = values.get(names.get(i));
            out.append(value == null ? "" : escape.apply(value)).append(literals.get(i + 1));
        }
        return out.toString();
    }
}
