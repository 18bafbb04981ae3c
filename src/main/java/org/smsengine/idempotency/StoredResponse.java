package org.smsengine.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;

/** The answer kept for a key: what a retry gets again. */
record StoredResponse(int status, String contentType, String location, byte[] body) {

    static final String REPLAYED = "Idempotent-Replayed";

    /** The answer again, with the headers that matter (Content-Type, Location), marked as given before. */
    void replayTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        if (location != null) {
            response.setHeader(HttpHeaders.LOCATION, location);
        }
        response.setHeader(REPLAYED, "true");
        byte[] content = body == null ? new byte[0] : body;
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }
}
