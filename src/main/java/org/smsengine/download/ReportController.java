package org.smsengine.download;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.smsengine.batch.BatchQueries;
import org.smsengine.message.MessageMapper;
import org.smsengine.message.MessageRow;
import org.smsengine.message.MessageView;
import org.smsengine.recipient.PhoneMask;
import org.smsengine.system.Role;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportController {

    private static final int PAGE = 5000;

    private final MessageMapper messages;
    private final BatchQueries batches;

    ReportController(MessageMapper messages, BatchQueries batches) {
        this.messages = messages;
        this.batches = batches;
    }

    /**
     * One row per recipient, in CSV order, streamed a page at a time (keyset): phone, status, segments,
     * attempts, country, provider (of the last attempt), provider id, error, sent time, the carrier's delivered time and when its receipt arrived (to the
     * millisecond). Phones are masked except for ADMIN.
     */
    @GetMapping("/api/v1/batches/{id}/report")
    void report(@PathVariable long id, Authentication user, HttpServletResponse response) throws IOException {
        batches.require(id);
        boolean fullPhones = Role.seesFullPhones(user);
        try (CsvDownload csv = CsvDownload.start(response, "batch-" + id + "-report.csv", "phone", "status", "segments",
                "attempts", "country", "provider", "providerMessageId", "error", "sentAt", "deliveredAt", "receiptAt")) {
            int afterPartition = -1;
            long afterId = 0;
            List<MessageRow> page;
            do {
                page = messages.pageAfter(id, afterPartition, afterId, PAGE);
                for (MessageRow row : page) {
                    csv.row(PhoneMask.shown(row.phone(), fullPhones), row.status(), row.segments(), row.attempts(),
                            row.country(), row.provider(), row.providerMessageId(), row.lastError(), MessageView.millis(row.sentAt()),
                            MessageView.millis(row.deliveredAt()), MessageView.millis(row.receiptAt()));
                    afterPartition = row.partitionNo();
                    afterId = row.id();
                }
            } while (page.size() == PAGE);
        }
    }
}
