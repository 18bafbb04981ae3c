package org.smsengine.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** The problem detail of a JSON body that could not be read, in the engine's words. */
final class JsonReadProblems {

    private static final int MAX_PATH_LENGTH = 200;

    private JsonReadProblems() {
    }

    static ProblemDetail of(HttpMessageNotReadableException e) {
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof StreamConstraintsException limit) {
                return overLimit(limit);
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            String message = "'" + field + "' is not a valid " + expected(mapping);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
            problem.setProperty("errors", List.of(InputError.field(field, message)));
            return problem;
        }
        if (cause instanceof JsonMappingException mapping) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body is JSON, but not of the shape this endpoint takes" + at(mapping));
        }
        if (cause instanceof JsonProcessingException parsing) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON" + at(parsing));
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request needs a JSON body");
    }

    private static ProblemDetail overLimit(StreamConstraintsException limit) {
        String message = String.valueOf(limit.getMessage());
        // Jackson says which limit only in its message: document and string length are sizes (413), nesting is shape
        boolean size = message.startsWith("Document length") || message.startsWith("String value length");
        return ProblemDetail.forStatusAndDetail(size ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, size
                ? "The JSON body is larger than the engine reads (sms.upload.max-json-size)"
                : "The JSON body is nested too deeply or has a number too long to read");
    }

    private static String expected(JsonMappingException mapping) {
        return typeName(mapping instanceof InvalidFormatException format ? format.getTargetType()
                : mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null);
    }

    /** What a value of {@code type} is, in a user's words (never an internal class name). */
    static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value; use one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "OffsetDateTime", "Instant" -> "ISO-8601 instant with offset (e.g. 2026-12-01T09:00:00+08:00)";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Boolean", "boolean" -> "boolean (true or false)";
            case "String" -> "string";
            case "List", "Set" -> "array";
            default -> type.isRecord() || type.getSimpleName().equals("Map") ? "object" : "value";
        };
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() <= MAX_PATH_LENGTH ? path.toString() : path.substring(0, MAX_PATH_LENGTH) + "…";
    }

    private static String at(JsonProcessingException parsing) {
        JsonLocation location = parsing.getLocation();
        return location == null || location.getLineNr() < 1 ? ""
                : String.format(Locale.ROOT, " (line %d, column %d)", location.getLineNr(), location.getColumnNr());
    }
}
