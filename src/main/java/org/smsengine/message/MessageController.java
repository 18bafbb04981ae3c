package org.smsengine.message;

import org.smsengine.batch.BatchQueries;
import org.smsengine.batch.PageLimits;
import org.smsengine.batch.PageRequest;
import org.smsengine.batch.PageView;
import org.smsengine.system.Role;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MessageController {

    private final MessageMapper messages;
    private final BatchQueries batches;
    private final PageLimits pages;

    MessageController(MessageMapper messages, BatchQueries batches, PageLimits pages) {
        this.messages = messages;
        this.batches = batches;
        this.pages = pages;
    }

    /** A batch's messages in the order of their CSV rows; phones are shown whole to ADMIN only. */
    @GetMapping("/api/v1/batches/{id}/messages")
    PageView<MessageView> messages(@PathVariable long id, @RequestParam(required = false) MessageStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            Authentication user) {
        long prepared = batches.require(id).counts().prepared();
        PageRequest request = pages.of(page, size);
        boolean fullPhone = Role.seesFullPhones(user);
        var items = messages.page(id, status, request.offset(), request.size()).stream()
                .map(row -> MessageView.of(row, fullPhone))
                .toList();
        // every prepared message is listed when no status is asked for: no need to count millions of rows
        long total = status == null ? prepared : messages.count(id, status);
        return new PageView<>(items, page, size, total);
    }
}
