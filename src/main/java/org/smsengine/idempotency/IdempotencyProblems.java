package org.smsengine.idempotency;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The answers of this feature that are not the request's own, as problem details (the engine's advice
 * renders them, as it does every {@link ErrorResponseException}). Each type names its case.
 */
final class IdempotencyProblems {

    static final String REUSED = "idempotency_key_reused";
    static final String IN_PROGRESS = "idempotency_request_in_progress";
    static final String INTERRUPTED = "idempotency_request_interrupted";

    private IdempotencyProblems() {
    }

    /** 422: the key was used for another request (another method, path or body). */
    static ErrorResponseException reused(String key) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, REUSED, "Idempotency key reused", "The Idempotency-Key '"
                + key + "' was used for another request (method, path or body); use a new key for a new request");
    }

    /** 409 with {@code Retry-After: 1}: the first request with the key is still running. */
    static ErrorResponseException inProgress(String key) {
        ErrorResponseException e = problem(HttpStatus.CONFLICT, IN_PROGRESS, "Idempotent request in progress",
                "The first request with the Idempotency-Key '" + key + "' is still running; retry in a moment");
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return e;
    }

    /** 409 without Retry-After: the first request's node was lost after it had committed work; its answer is lost. */
    static ErrorResponseException interrupted(String key, String node) {
        return problem(HttpStatus.CONFLICT, INTERRUPTED, "Idempotent request interrupted", "The first request with the "
                + "Idempotency-Key '" + key + "' was interrupted by the loss of node " + node + " after it had changed "
                + "data, and its answer is lost: find what it did (for instance in GET /api/v1/batches) before sending "
                + "it again with a new key");
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:sms-engine:problem:" + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
