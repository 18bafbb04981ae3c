package org.smsengine.download;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.smsengine.batch.BatchQueries;
import org.smsengine.recipient.PhoneMask;
import org.smsengine.recipient.RejectMapper;
import org.smsengine.system.Role;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RejectController {

    private static final int PAGE = 5000;

    private final RejectMapper rejects;
    private final BatchQueries batches;

    RejectController(RejectMapper rejects, BatchQueries batches) {
        this.rejects = rejects;
        this.batches = batches;
    }

    /**
     * The rejected rows as CSV ({@code row,phone,reason,raw}), streamed a window of rows at a time. The
     * phone as written is masked and the uploaded line ({@code raw}) left out, except for ADMIN.
     */
    @GetMapping("/api/v1/batches/{id}/rejects")
    void rejects(@PathVariable long id, Authentication user, HttpServletResponse response) throws IOException {
        batches.require(id);
        boolean admin = Role.seesFullPhones(user);
        try (CsvDownload csv = CsvDownload.start(response, "batch-" + id + "-rejects.csv", "row", "phone", "reason", "raw")) {
            Integer last = rejects.lastRow(id);
            for (int after = 0; last != null && after < last; after += PAGE) {
                for (RejectMapper.StoredReject reject : rejects.window(id, after, Math.min(last, after + PAGE))) {
                    csv.row(reject.rowNo(), PhoneMask.shown(reject.phone(), admin), reject.reason(), admin ? reject.raw() : null);
                }
            }
        }
    }
}
