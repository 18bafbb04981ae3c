package org.smsengine.provider;

/** Where providers hand the receipts they receive. Must return quickly: it runs on the protocol's threads. */
@FunctionalInterface
public interface ReceiptSink {

    void accept(Receipt receipt);
}
