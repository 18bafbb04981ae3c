package org.smsengine.template;

/** A template that cannot be parsed; {@code position} is the offset of the offending {@code {{}}. */
public class TemplateSyntaxException extends RuntimeException {

    private final int position;

    public TemplateSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
