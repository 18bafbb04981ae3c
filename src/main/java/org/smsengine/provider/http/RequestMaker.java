package org.smsengine.provider.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.ProviderSettings;

/** Builds the request of one message from the provider's templates, headers and credentials. */
final class RequestMaker {

    /** Methods that carry no body: their placeholders go in the URL. */
    private static final Set<String> BODILESS = Set.of("GET", "DELETE", "HEAD");

    private final Template url;
    private final Template body;
    private final String method;
    private final String contentType;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final String defaultSender;

    RequestMaker(ProviderSettings.Http http, Template url, Template body) {
        this.url = url;
        this.body = body;
        this.method = http.method().trim().toUpperCase(Locale.ROOT);
        this.contentType = http.contentType();
        this.headers = withAuthorization(http.headers(), http.auth());
        this.timeout = http.requestTimeout();
        this.defaultSender = http.sourceAddress();
    }

    HttpRequest make(OutgoingMessage message) {
        Map<String, String> values = values(message);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(values)).timeout(timeout);
        headers.forEach(request::header);
        if (BODILESS.contains(method)) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body.render(values), StandardCharsets.UTF_8)).build();
    }

    /** Where the message goes: the URL with its placeholders filled. */
    URI uri(OutgoingMessage message) {
        return uri(values(message));
    }

    private URI uri(Map<String, String> values) {
        return URI.create(url.render(values));
    }

    private Map<String, String> values(OutgoingMessage message) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("to", message.destination());
        values.put("from", message.sender() == null ? defaultSender : message.sender());
        values.put("text", message.text());
        values.put("reference", Long.toString(message.reference()));
        values.put("encoding", message.encoding() == null ? null : message.encoding().name());
        values.put("segments", Integer.toString(message.segments()));
        return values;
    }

    private static Map<String, String> withAuthorization(Map<String, String> configured, ProviderSettings.Http.Auth auth) {
        Map<String, String> headers = new LinkedHashMap<>(configured);
        switch (auth.type()) {
            case BASIC -> headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> headers.put("Authorization", "Bearer " + auth.token());
            case NONE -> {
                // the headers as configured (an API key among them, say)
            }
        }
        return Map.copyOf(headers);
    }
}
