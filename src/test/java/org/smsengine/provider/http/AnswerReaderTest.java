package org.smsengine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.AcceptedPart;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.SubmitResult;
import org.smsengine.template.SmsEncoding;

class AnswerReaderTest {

    private static final OutgoingMessage ONE_PART = message(1, Set.of());

    private final AnswerReader defaults = reader(HttpDefinitions.anHttpProvider("http://peer/messages"));

    @Test
    void aTwoHundredAnswerIsAcceptedUnderTheIdAtThePointer() {
        SubmitResult result = defaults.read(ONE_PART, 201, "{\"messageId\":\"m-1\",\"status\":\"queued\"}");

        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(result.acceptedParts()).containsExactly(new AcceptedPart(1, "m-1"));
    }

    @Test
    void aNestedOrNumericIdIsReadToo() {
        AnswerReader nested = reader(HttpDefinitions.anHttpProvider("http://peer/messages")
                .with("http.answer.message-id", "/messages/0/id"));

        SubmitResult result = nested.read(ONE_PART, 200, "{\"messages\":[{\"id\":12345}]}");

        assertThat(result.firstMessageId()).isEqualTo("12345");
    }

    @Test
    void everyPartOfALongMessageIsAcceptedUnderItsOneIdButThoseAcceptedBefore() {
        SubmitResult whole = defaults.read(message(3, Set.of()), 200, "{\"messageId\":\"m-3\"}");
        SubmitResult rest = defaults.read(message(3, Set.of(1)), 200, "{\"messageId\":\"m-4\"}");

        assertThat(whole.acceptedParts()).containsExactly(new AcceptedPart(1, "m-3"), new AcceptedPart(2, "m-3"),
                new AcceptedPart(3, "m-3"));
        assertThat(rest.acceptedParts()).containsExactly(new AcceptedPart(2, "m-4"), new AcceptedPart(3, "m-4"));
    }

    @Test
    void anAcceptingAnswerWithoutAnIdIsStillAcceptedSoItIsNeverSentTwice() {
        SubmitResult result = defaults.read(ONE_PART, 200, "accepted");

        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(result.acceptedParts()).isEmpty();
    }

    @Test
    void throttlingAndServerErrorsAreRetriesCodedByTheirStatus() {
        assertThat(defaults.read(ONE_PART, 429, "")).isEqualTo(new SubmitResult.RetryLater("http:429", "", java.util.List.of()));
        assertThat(defaults.read(ONE_PART, 503, "{\"error\":\"busy\"}")).isInstanceOf(SubmitResult.RetryLater.class)
                .extracting(SubmitResult::failure).isEqualTo("http:503: {\"error\":\"busy\"}");
    }

    @Test
    void anyOtherStatusIsARejectionWithTheProvidersErrorCodeForPeople() {
        AnswerReader withCode = reader(HttpDefinitions.anHttpProvider("http://peer/messages")
                .with("http.answer.error-code", "/error"));

        SubmitResult refused = withCode.read(ONE_PART, 400, "{\"error\":\"invalid_destination\"}");
        SubmitResult redirected = withCode.read(ONE_PART, 302, "");

        assertThat(refused).isEqualTo(new SubmitResult.Rejected("http:400", "invalid_destination", java.util.List.of()));
        assertThat(redirected).isInstanceOf(SubmitResult.Rejected.class).extracting(SubmitResult::failure).isEqualTo("http:302");
    }

    @Test
    void theStatusClassesAreConfigurable() {
        AnswerReader strict = reader(HttpDefinitions.anHttpProvider("http://peer/messages")
                .with("http.answer.accepted", "200").with("http.answer.retry", "429,502-504"));

        assertThat(strict.read(ONE_PART, 202, "{\"messageId\":\"m\"}")).isInstanceOf(SubmitResult.Rejected.class);
        assertThat(strict.read(ONE_PART, 500, "")).isInstanceOf(SubmitResult.Rejected.class);
        assertThat(strict.read(ONE_PART, 504, "")).isInstanceOf(SubmitResult.RetryLater.class);
    }

    @Test
    void noAnswerInTimeIsATimeoutAndNoConnectionIsUnreachable() {
        assertThat(code(defaults.failed(new CompletionException(new HttpTimeoutException("request timed out")))))
                .isEqualTo("http:timeout");
        assertThat(code(defaults.failed(new HttpConnectTimeoutException("connect timed out")))).isEqualTo("http:unreachable");
        assertThat(code(defaults.failed(new CompletionException(new ConnectException("Connection refused")))))
                .isEqualTo("http:unreachable");
    }

    private static String code(SubmitResult result) {
        assertThat(result).isInstanceOf(SubmitResult.RetryLater.class);
        return ((SubmitResult.RetryLater) result).code();
    }

    private static AnswerReader reader(HttpDefinitions definition) {
        return new HttpSetup(definition.build()).answers();
    }

    private static OutgoingMessage message(int segments, Set<Integer> skipped) {
        return new OutgoingMessage(7, null, "+12015550100", "text", SmsEncoding.GSM7, segments, skipped, null);
    }
}
