package org.smsengine.batch;

/**
 * Delivery counters of a batch, as a change (a chunk's outcomes, a flush of receipts) or as
 * totals (the statistics step). {@code sent}: accepted by the provider; {@code sendFailed}: failed
 * at submission; {@code delivered} and {@code undelivered}: as receipts report.
 */
public record DeliveryCounts(long sent, long sendFailed, long delivered, long undelivered, long cancelled) {
}
