package org.smsengine.lifecycle;

import java.security.Principal;
import java.util.List;
import org.smsengine.batch.BatchQueries;
import org.smsengine.batch.BatchView;
import org.smsengine.system.UserText;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LifecycleController {

    /** The optional body of an action. */
    record ActionRequest(String reason) {
    }

    private static final int MAX_REASON_LENGTH = 1000;

    private final BatchLifecycle lifecycle;
    private final BatchQueries queries;

    LifecycleController(BatchLifecycle lifecycle, BatchQueries queries) {
        this.lifecycle = lifecycle;
        this.queries = queries;
    }

    /**
     * {@code start}, {@code pause}, {@code resume}, {@code retry} or {@code abort}: 202 with the batch
     * in its new state; 409 naming the state and the allowed actions when the state does not allow it
     * (or another action came first). A reason may have several lines and tabs, but no other control
     * character (400): it is stored, shown to every role and logged.
     */
    @PostMapping("/api/v1/batches/{id}/{action}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BatchView act(@PathVariable long id, @PathVariable String action,
            @RequestBody(required = false) ActionRequest request, Principal principal) {
        UserText.require("reason", request == null ? null : request.reason(), UserText.Kind.MULTILINE);
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : abbreviate(request.reason().strip());
        return queries.view(lifecycle.act(id, action, principal.getName(), reason));
    }

    /** The batch's accepted lifecycle events, oldest first. */
    @GetMapping("/api/v1/batches/{id}/events")
    List<BatchEvent> events(@PathVariable long id) {
        return lifecycle.events(id);
    }

    private static String abbreviate(String reason) {
        if (reason.length() <= MAX_REASON_LENGTH) {
            return reason;
        }
        // never between the two halves of a surrogate pair: half a character cannot be stored
        int end = Character.isHighSurrogate(reason.charAt(MAX_REASON_LENGTH - 1)) ? MAX_REASON_LENGTH - 1 : MAX_REASON_LENGTH;
        return reason.substring(0, end);
    }
}
