package org.smsengine.campaign;

/**
 * What a firing does while the campaign's previous batch is still running: SKIP it (recorded),
 * QUEUE a batch that starts when the previous one has finished, or run ALONGSIDE it.
 */
public enum Overlap {
    SKIP,
    QUEUE,
    ALONGSIDE
}
