package org.smsengine.system;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become RFC 9457 problem details. Spring MVC's own
 * exceptions (missing part, bad JSON, wrong type, 415, ...) are handled by the base class;
 * the handlers here add the engine's exceptions and an {@code errors} array where it helps.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidInputException e) {
        return withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()), e.errors());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unauthenticated(UnauthenticatedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail forbidden(ForbiddenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("state", e.state());
        problem.setProperty("allowedActions", e.allowedActions());
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<InputError> errors = e.getConstraintViolations().stream()
                .map(v -> InputError.field(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid"), errors);
    }

    /**
     * A bug, never bad input: logged with its stack trace, answered without it. Unless the database (or
     * Redis, the broker) could not be reached: that passes, and the client is asked to try again (503; a
     * request with an {@code Idempotency-Key} may be sent again as it is).
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (Failures.unreachable(e)) {
            log.warn("A request failed because a service could not be reached: {}", LogText.escape(rootMessage(e)));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                            "The engine cannot reach its database (or another service it stands on) at the moment; "
                                    + "try again shortly"));
        }
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String limit = e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() + " bytes" : "";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The upload is larger than the limit" + limit + " (sms.upload.max-size)");
        return handleExceptionInternal(e, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> badMultipart(MultipartException e, WebRequest request) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return handleMaxUploadSizeExceededException(tooLarge, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        // the parser's own words are for the log: they name its internals, not the client's mistake
        log.debug("A multipart request could not be read: {}", LogText.escape(rootMessage(e)));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The multipart request could not"
                + " be read: send multipart/form-data with a boundary, each part complete, the file in a part named 'file'");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A body Jackson could not read: where it stopped and what was expected, never Jackson's own
     * message (it quotes the engine's classes and the input). Over one of Jackson's limits: 413 for
     * a document or string too long, 400 for nesting too deep.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = JsonReadProblems.of(e);
        return handleExceptionInternal(e, problem, headers, HttpStatus.valueOf(problem.getStatus()), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InputError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> InputError.field(error.getField(), error.isBindingFailure()
                        ? "'" + error.getRejectedValue() + "' is not a valid " + JsonReadProblems.typeName(boundType(error))
                        : String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request is not valid"), errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() != null ? e.getPropertyName() : "parameter";
        String message = "'" + e.getValue() + "' is not a valid " + JsonReadProblems.typeName(e.getRequiredType());
        ProblemDetail problem = withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                field + ": " + message), List.of(InputError.field(field, message)));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The type a form value failed to convert to, from the error's codes ({@code typeMismatch.java.lang.Integer}). */
    private static Class<?> boundType(FieldError error) {
        for (String code : error.getCodes() == null ? new String[0] : error.getCodes()) {
            if (code.startsWith("typeMismatch.java.")) {
                try {
                    return Class.forName(code.substring("typeMismatch.".length()));
                } catch (ClassNotFoundException ignored) {
                    return null;
                }
            }
        }
        return null;
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<InputError> errors) {
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }


    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
