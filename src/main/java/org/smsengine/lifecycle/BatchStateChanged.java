package org.smsengine.lifecycle;

import org.smsengine.batch.BatchRow;

/** Published once a batch's new state has been stored (and its transition's action run). */
public record BatchStateChanged(BatchRow batch, String event, String from, String to) {
}
