package org.smsengine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A definition that cannot work stops the engine at start-up, naming the provider and the key. */
class HttpSetupTest {

    @Test
    void theDefaultsMakeAWorkingJsonProvider() {
        HttpSetup setup = new HttpSetup(HttpDefinitions.anHttpProvider("https://api.peer.example/v1/sms").build());

        assertThat(setup.requests()).isNotNull();
        assertThat(setup.answers()).isNotNull();
        assertThat(setup.webhook(receipt -> { })).as("no receipts unless configured").isNull();
        assertThat(setup.concurrency()).isEqualTo(32);
    }

    @Test
    void aMissingOrRelativeUrlIsNamed() {
        refused(HttpDefinitions.anHttpProvider("http://x").without("http.url"), s -> s.requests(), "http.url: is required");
        refused(HttpDefinitions.anHttpProvider("/messages"), s -> s.requests(), "http.url: must be an absolute http or https URL");
        refused(HttpDefinitions.anHttpProvider("ftp://peer/messages"), s -> s.requests(), "http.url");
    }

    @Test
    void aBodyTheEngineCannotEscapeOrFillIsNamed() {
        refused(HttpDefinitions.anHttpProvider("http://peer/messages").with("http.content-type", "text/xml"),
                s -> s.requests(), "http.content-type");
        refused(HttpDefinitions.anHttpProvider("http://peer/messages").with("http.body", "{\"to\":\"{{phone}}\"}"),
                s -> s.requests(), "http.body: unknown placeholder {{phone}}");
    }

    @Test
    void credentialsMustBeCompleteAndHeadersAllowed() {
        refused(HttpDefinitions.anHttpProvider("http://peer/messages").with("http.auth.type", "BASIC")
                .with("http.auth.username", "engine"), s -> s.requests(), "http.auth: BASIC needs username and password");
        refused(HttpDefinitions.anHttpProvider("http://peer/messages").with("http.auth.type", "BEARER"),
                s -> s.requests(), "http.auth: BEARER needs a token");
        refused(HttpDefinitions.anHttpProvider("http://peer/messages").with("http.headers.host", "peer"),
                s -> s.requests(), "http.headers");
    }

    @Test
    void theAnswersPointersAndStatusesAreChecked() {
        refused(HttpDefinitions.anHttpProvider("http://peer/messages").with("http.answer.message-id", "messageId"),
                HttpSetup::answers, "http.answer");
        refused(HttpDefinitions.anHttpProvider("http://peer/messages").with("http.answer.retry", "429,9xx"),
                HttpSetup::answers, "http.answer: '9xx'");
    }

    @Test
    void receiptsNeedAWayToBeVerifiedAndTheirStates() {
        refused(HttpDefinitions.anHttpProvider("http://peer/messages").withReceipts("s").without("http.receipts.verify"),
                s -> s.webhook(r -> { }), "http.receipts.verify: is required");
        refused(HttpDefinitions.anHttpProvider("http://peer/messages").withReceipts("s").without("http.receipts.secret"),
                s -> s.webhook(r -> { }), "http.receipts.secret: is required");
        refused(HttpDefinitions.anHttpProvider("http://peer/messages").with("http.receipts.message-id", "/id")
                .with("http.receipts.verify", "NONE"), s -> s.webhook(r -> { }), "http.receipts: name at least");
    }

    private static void refused(HttpDefinitions definition, Consumer<HttpSetup> building, String message) {
        HttpSetup setup = new HttpSetup(definition.build());
        assertThatThrownBy(() -> building.accept(setup)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("sms.providers.definitions: provider 'peer' (HTTP): ")
                .hasMessageContaining(message);
    }
}
