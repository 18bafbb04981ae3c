package org.smsengine.provider.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** How a placeholder's value is escaped for where it stands. */
enum Escaping implements UnaryOperator<String> {

    /** Inside a JSON string: the template writes the quotes, the value cannot close them. */
    JSON {
        @Override
        public String apply(String value) {
            return new String(JsonStringEncoder.getInstance().quoteAsString(value));
        }
    },
    /** A form field or a URL's query: percent-encoded UTF-8. */
    FORM {
        @Override
        public String apply(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    };

    /** The escaping of a body of this content type, or null when the engine cannot write it safely. */
    static Escaping ofContentType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        if (type.equals("application/json") || type.endsWith("+json")) {
            return JSON;
        }
        return type.equals("application/x-www-form-urlencoded") ? FORM : null;
    }
}
