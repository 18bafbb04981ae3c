package org.smsengine.progress;

import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/batches/{id}/progress/stream}: a {@code progress} event with the batch's
 * progress every interval; the stream ends after the event that shows a final state. 429 beyond the
 * streams a user (or the node) may have open ({@link ProgressStreams}).
 */
@RestController
class ProgressStreamController {

    private final ProgressStreams streams;

    ProgressStreamController(ProgressStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/batches/{id}/progress/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable long id, Principal user) {
        return streams.open(id, user.getName());
    }
}
