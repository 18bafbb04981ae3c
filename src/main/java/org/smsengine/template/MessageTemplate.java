package org.smsengine.template;

import java.util.ArrayList;
import java.util.List;

/**
 * A message text with {@code {{variable}}} placeholders, parsed once and rendered per recipient.
 *
 * <p>Whitespace inside the braces is ignored ({@code {{ name }}} is {@code name}). Single braces
 * are plain text. {@link #variables()} lists each variable once, in order of first use; render
 * takes the values in that order, so rendering millions of messages needs no map look-ups.
 */
public final class MessageTemplate {

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    private final String source;
    private final List<String> literals;
    private final int[] slots;
    private final List<String> variables;

    private MessageTemplate(String source, List<String> literals, int[] slots, List<String> variables) {
        this.source = source;
        this.literals = literals;
        this.slots = slots;
        this.variables = variables;
    }

    public static MessageTemplate parse(String source) {
        List<String> literals = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        int from = 0;
        int open;
        while ((open = source.indexOf(OPEN, from)) >= 0) {
            int close = source.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                throw new TemplateSyntaxException("'{{' at position " + open + " is never closed with '}}'", open);
            }
            String name = source.substring(open + OPEN.length(), close).trim();
            if (name.isEmpty() || name.contains("{")) {
                throw new TemplateSyntaxException("'{{' at position " + open + " does not name a variable", open);
            }
            int slot = variables.indexOf(name);
            if (slot < 0) {
                slot = variables.size();
                variables.add(name);
            }
            literals.add(source.substring(from, open));
            slots.add(slot);
            from = close + CLOSE.length();
        }
        literals.add(source.substring(from));
        return new MessageTemplate(source, List.copyOf(literals),
                slots.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(variables));
    }

    public String source() {
        return source;
    }

    /** The distinct variable names, in order of first use. */
    public List<String> variables() {
        return variables;
    }

    /** Renders with {@code values[i]} for {@code variables().get(i)}; a null value renders as empty. */
    public String render(String[] values) {
        if (values.length != variables.size()) {
            throw new IllegalArgumentException(
                    "expected " + variables.size() + " values for " + variables + ", got " + values.length);
        }
        StringBuilder text = new StringBuilder(source.length() + 32);
        for (int i = 0; i < slots.length; i++) {
            text.append(literals.get(i));
            String value = values[slots[i]];
            if (value != null) {
                text.append(value);
            }
        }
        return text.append(literals.get(slots.length)).toString();
    }
}
