package org.smsengine.batch;

import org.smsengine.system.NotFoundException;

public class BatchNotFoundException extends NotFoundException {

    public BatchNotFoundException(long id) {
        super("Batch", id);
    }
}
