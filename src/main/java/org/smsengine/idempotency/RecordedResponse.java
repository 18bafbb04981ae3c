package org.smsengine.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The first request's answer, held until it is kept (API answers to POST and PATCH are small JSON;
 * streams are GET only). One sent through the container's error page instead was never held: not kept.
 */
final class RecordedResponse extends ContentCachingResponseWrapper {

    private final Runnable freeKey;
    private boolean errorSent;
    private boolean keyFreed;

    /** {@code freeKey}: what lets a retry run again; done before an answer not kept leaves. */
    RecordedResponse(HttpServletResponse response, Runnable freeKey) {
        super(response);
        this.freeKey = freeKey;
    }

    /** Frees the key, once. */
    void freeKey() {
        if (!keyFreed) {
            keyFreed = true;
            freeKey.run();
        }
    }

    /**
     * Whether a retry should get this answer again: not a 5xx (API.md: the retry runs again), nor a 413
     * or 429 (the body was not read; come back later), nor one that went around this wrapper.
     */
    boolean keepable() {
        int status = getStatus();
        return !errorSent && status < 500 && status != HttpStatus.PAYLOAD_TOO_LARGE.value()
                && status != HttpStatus.TOO_MANY_REQUESTS.value();
    }

    StoredResponse toStored() {
        return new StoredResponse(getStatus(), getContentType(), getHeader(HttpHeaders.LOCATION), getContentAsByteArray());
    }

    /**
     * An answer that will not be kept goes out when its writer flushes it (a 413 before the rest of the
     * refused body is read: RefusedUploadDrain), its key freed first; a kept one waits until it is kept.
     */
    @Override
    public void flushBuffer() throws IOException {
        if (!keepable()) {
            freeKey();
            copyBodyToResponse();
            getResponse().flushBuffer();
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        errorSent = true;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        errorSent = true;
        super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        errorSent = true;
        super.sendRedirect(location);
    }
}
