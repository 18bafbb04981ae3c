package org.smsengine.batch;

import java.util.List;

/** The actions an operator may take on a batch now (the lifecycle knows; the batch's views show them). */
public interface AllowedActions {

    List<String> of(BatchRow batch);
}
