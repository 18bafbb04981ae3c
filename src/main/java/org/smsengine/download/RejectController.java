package org.smsengine.download;

import org.smsengine.recipient.RejectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVPrinter;
import org.smsengine.batch.BatchQueries;
import org.smsengine.upload.CsvHeader;
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

    /** The rejected rows as CSV ({@code row,phone,reason,raw}), streamed a window of rows at a time. */
    @GetMapping("/api/v1/batches/{id}/rejects")
    void rejects(@PathVariable long id, HttpServletResponse response) throws IOException {
        batches.require(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"batch-" + id + "-rejects.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(out, CsvHeader.FORMAT.builder().setHeader("row", "phone", "reason", "raw").get())) {
            Integer last = rejects.lastRow(id);
            for (int after = 0; last != null && after < last; after += PAGE) {
                for (RejectMapper.StoredReject reject : rejects.window(id, after, Math.min(last, after + PAGE))) {
                    csv.printRecord(reject.rowNo(), reject.phone(), reject.reason(), reject.raw());
                }
            }
        }
    }
}
