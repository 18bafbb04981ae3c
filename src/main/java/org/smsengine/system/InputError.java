package org.smsengine.system;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of a problem's {@code errors}: what is wrong with a field, or with a row of an upload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputError(String field, Long row, String message) {

    public static InputError field(String field, String message) {
        return new InputError(field, null, message);
    }

    public static InputError row(long row, String message) {
        return new InputError(null, row, message);
    }
}
