package org.smsengine.review;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TestSendController {

    /** The body of a test-send. */
    record TestSendRequest(List<String> phones) {
    }

    private final TestSender sender;

    TestSendController(TestSender sender) {
        this.sender = sender;
    }

    /**
     * Sends the batch's first rendered message(s) to the seed numbers that pass the screening and records
     * it in the audit: 200 with what became of each seed (a refusal or a provider's failure is a result,
     * not an error); 400 naming a bad seed, or every seed when none may be sent; 403 unless ADMIN, or
     * APPROVER on a batch under review; 409 unless the batch is prepared and not started, or when the
     * batch's test-sends have reached a limit.
     */
    @PostMapping("/api/v1/batches/{id}/test-send")
    TestSend testSend(@PathVariable long id, @RequestBody TestSendRequest request, Authentication user) {
        return sender.send(id, request.phones(), user);
    }
}
