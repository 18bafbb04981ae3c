package org.smsengine.pipeline;

import org.smsengine.batch.BatchQueries;
import org.smsengine.batch.BatchView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BatchActionController {

    private final BatchStarter starter;
    private final BatchQueries queries;

    BatchActionController(BatchStarter starter, BatchQueries queries) {
        this.starter = starter;
        this.queries = queries;
    }

    /** Starts delivering a READY (or SCHEDULED) batch: 202 with the batch, DELIVERING; 409 in any other state. */
    @PostMapping("/api/v1/batches/{id}/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BatchView start(@PathVariable long id) throws Exception {
        return queries.view(starter.start(id));
    }
}
