package org.smsengine.review;

import java.security.Principal;
import java.util.List;
import org.smsengine.system.Role;
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
     * Sends the batch's first rendered message(s) to the seed numbers and records it in the audit: 200
     * with what became of each (a provider's refusal is a result, not an error); 400 naming a bad seed;
     * 409 unless the batch is prepared and not started.
     */
    @PostMapping("/api/v1/batches/{id}/test-send")
    TestSend testSend(@PathVariable long id, @RequestBody TestSendRequest request, Principal principal) {
        return sender.send(id, request.phones(), principal.getName(),
                Role.seesFullPhones(principal instanceof Authentication a ? a : null));
    }
}
