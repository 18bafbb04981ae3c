package org.smsengine.provider.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.ProviderSettings.Http;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.ReceiptSink;

/**
 * Builds an HTTP provider's parts from its definition, checking each at start-up: a mistake stops
 * the engine with a message naming the provider and the key, never a failure at the first message.
 */
final class HttpSetup {

    private static final OutgoingMessage SAMPLE = OutgoingMessage.single(1, "SENDER", "+12015550100", "sample \"text\" & more");

    private final ProviderSettings.Definition definition;
    private final Http http;

    HttpSetup(ProviderSettings.Definition definition) {
        this.definition = definition;
        this.http = definition.http();
    }

    /** Requests at once: the provider's window on each of its sessions, as {@code Providers.inFlight} counts them. */
    int concurrency() {
        return setting("window", () -> {
            int concurrency = definition.window() * definition.sessions();
            if (concurrency < 1) {
                throw new IllegalArgumentException("window and sessions must be at least 1");
            }
            return concurrency;
        });
    }

    Duration connectTimeout() {
        return setting("http.connect-timeout", () -> positive(http.connectTimeout()));
    }

    RequestMaker requests() {
        setting("http.request-timeout", () -> positive(http.requestTimeout()));
        setting("http.method", () -> require(http.method() != null && http.method().trim().matches("[A-Za-z]+"),
                "is not an HTTP method"));
        setting("http.auth", () -> switch (http.auth().type()) {
            case BASIC -> require(present(http.auth().username()) && http.auth().password() != null,
                    "BASIC needs username and password");
            case BEARER -> require(present(http.auth().token()), "BEARER needs a token");
            case NONE -> true;
        });
        Escaping escaping = setting("http.content-type", () -> {
            Escaping of = Escaping.ofContentType(http.contentType());
            require(of != null, "must be JSON (application/json, ...+json) or application/x-www-form-urlencoded");
            return of;
        });
        Template body = setting("http.body", () -> Template.parse(http.body(), escaping));
        Template url = setting("http.url", () -> {
            require(present(http.url()), "is required");
            return Template.parse(http.url(), Escaping.FORM);
        });
        RequestMaker maker = new RequestMaker(http, url, body);
        setting("http.url", () -> {
            URI sample = maker.uri(SAMPLE);
            boolean web = sample.getScheme() != null && Set.of("http", "https").contains(sample.getScheme().toLowerCase(Locale.ROOT));
            return require(sample.isAbsolute() && web && sample.getHost() != null, "must be an absolute http or https URL");
        });
        setting("http.headers", () -> maker.make(SAMPLE));   // the HTTP client refuses some (Host, Content-Length, ...)
        return maker;
    }

    AnswerReader answers() {
        return setting("http.answer", () -> {
            require(present(http.answer().messageId()), "message-id (a JSON pointer such as /messageId) is required");
            return new AnswerReader(definition.name(), http.answer());
        });
    }

    /** The receipts webhook, or null when the provider sends none ({@code http.receipts.message-id} unset). */
    ReceiptWebhook webhook(ReceiptSink sink) {
        Http.Receipts receipts = http.receipts();
        if (!receipts.enabled()) {
            return null;
        }
        ReceiptBody body = setting("http.receipts", () -> new ReceiptBody(definition.name(), receipts, Clock.systemUTC()));
        setting("http.receipts.verify", () -> require(receipts.verify() != null,
                "is required: SHARED_SECRET, HMAC_SHA256, or NONE on a network of your own"));
        setting("http.receipts.secret", () -> require(receipts.verify() == Http.Verification.NONE || present(receipts.secret()),
                "is required to verify receipts by " + receipts.verify()));
        setting("http.receipts.header", () -> require(receipts.verify() == Http.Verification.NONE || present(receipts.header()),
                "is required to verify receipts by " + receipts.verify()));
        return new ReceiptWebhook(definition.name(), receipts, body, sink);
    }

    private <T> T setting(String key, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("sms.providers.definitions: provider '" + definition.name() + "' (HTTP): "
                    + key + ": " + e.getMessage(), e);
        }
    }

    private static Duration positive(Duration duration) {
        require(duration != null && !duration.isNegative() && !duration.isZero(), "must be longer than zero");
        return duration;
    }

    private static boolean require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
        return true;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
