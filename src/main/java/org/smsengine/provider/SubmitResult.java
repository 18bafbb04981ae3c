package org.smsengine.provider;

import java.util.List;

/**
 * What became of a submission: a value, never an exception. A multi-part message is accepted when
 * all its parts are; otherwise the parts that were accepted are reported with the failure, so a
 * retry sends only the others.
 */
public sealed interface SubmitResult {

    List<AcceptedPart> acceptedParts();

    /** The provider's id of the first accepted part, or null. */
    default String firstMessageId() {
        return acceptedParts().stream().findFirst().map(AcceptedPart::providerMessageId).orElse(null);
    }

    /** Why it was not accepted, for people ({@code code: detail}); null when it was. */
    default String failure() {
        return null;
    }

    private static String failure(String code, String detail) {
        return detail == null || detail.isBlank() ? code : code + ": " + detail;
    }

    /** Every part was accepted. */
    record Accepted(List<AcceptedPart> acceptedParts) implements SubmitResult {
    }

    /** Refused for good (an invalid number, a refused sender...): retrying would not help. */
    record Rejected(String code, String detail, List<AcceptedPart> acceptedParts) implements SubmitResult {

        @Override
        public String failure() {
            return SubmitResult.failure(code, detail);
        }
    }

    /** Not sent this time (throttled, a timeout, no connection): worth trying again later. */
    record RetryLater(String code, String detail, List<AcceptedPart> acceptedParts) implements SubmitResult {

        @Override
        public String failure() {
            return SubmitResult.failure(code, detail);
        }
    }
}
