package org.smsengine.optout;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.smsengine.download.CsvDownload;
import org.smsengine.recipient.PhoneMask;
import org.smsengine.system.Role;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OptOutExportController {

    private static final int WINDOW = 5000;

    private final OptOutQueryMapper entries;

    OptOutExportController(OptOutQueryMapper entries) {
        this.entries = entries;
    }

    /**
     * The whole list as CSV (ADMIN), in phone order, written a window of entries at a time as it is read:
     * however long the list, no more than one window is held. Phones go through the mask rule like
     * every download's, though only ADMIN gets here.
     */
    @GetMapping("/api/v1/opt-outs/export")
    void export(Authentication user, HttpServletResponse response) throws IOException {
        boolean full = Role.seesFullPhones(user);
        try (CsvDownload csv = CsvDownload.start(response, "opt-outs.csv", "phone", "source", "reason", "inbound_id",
                "created_by", "created_at")) {
            String after = "";
            List<OptOutEntry> window;
            do {
                window = entries.after(after, WINDOW);
                for (OptOutEntry entry : window) {
                    csv.row(PhoneMask.shown(entry.phone(), full), entry.source(), entry.reason(), entry.inboundId(),
                            entry.createdBy(), entry.createdAt());
                    after = entry.phone();
                }
            } while (window.size() == WINDOW);
        }
    }
}
