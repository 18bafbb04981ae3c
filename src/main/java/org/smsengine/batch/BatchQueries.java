package org.smsengine.batch;

import java.util.List;
import org.springframework.stereotype.Service;

/** Reads of batches for the API. */
@Service
public class BatchQueries {

    private final BatchMapper batches;
    private final AllowedActions allowedActions;

    BatchQueries(BatchMapper batches, AllowedActions allowedActions) {
        this.batches = batches;
        this.allowedActions = allowedActions;
    }

    public BatchRow require(long id) {
        return batches.find(id).orElseThrow(() -> new BatchNotFoundException(id));
    }

    public BatchView view(long id) {
        return view(require(id));
    }

    /** Newest first; of one state, and/or whose name contains {@code name}, when given. */
    public PageView<BatchView> list(BatchState state, String name, PageRequest page) {
        String search = name == null || name.isBlank() ? null : name.strip();
        List<BatchView> items = batches.list(state, search, page.offset(), page.size()).stream().map(this::view).toList();
        return new PageView<>(items, page.page(), page.size(), batches.count(state, search));
    }

    public BatchView view(BatchRow row) {
        return BatchView.of(row, allowedActions.of(row));
    }
}
