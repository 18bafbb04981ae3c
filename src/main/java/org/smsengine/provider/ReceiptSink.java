package org.smsengine.provider;

/**
 * Where providers hand the receipts they receive, once {@link ReceiptCheck} passed them. Must return
 * quickly: it runs on the protocol's threads.
 */
@FunctionalInterface
public interface ReceiptSink {

    void accept(Receipt receipt);

    /**
     * A receipt and what it came as (the receipt's text or JSON, at most a few hundred characters), kept
     * with the receipt if it has to be quarantined.
     */
    default void accept(Receipt receipt, String raw) {
        accept(receipt);
    }
}
