package org.smsengine.provider;

/**
 * Where providers hand the messages handsets send (MO), beside the {@link ReceiptSink}. It stores
 * the message before it returns, so a provider acknowledges only what is kept: it runs on the
 * protocol's threads and should take milliseconds. An exception means "not kept": the provider
 * answers with a temporary error, and the SMSC offers the message again.
 */
@FunctionalInterface
public interface InboundSink {

    void accept(InboundMessage message);
}
