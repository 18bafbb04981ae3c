package org.smsengine.provider.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A device call without a key this engine knows (none, unknown, revoked): 401, as a problem detail
 * (an {@link ErrorResponseException}, which the one advice answers like Spring's own).
 */
class DeviceKeyRefusedException extends ErrorResponseException {

    DeviceKeyRefusedException(String detail) {
        super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail), null);
    }
}
