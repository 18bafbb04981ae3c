package org.smsengine.provider.http;

import java.util.function.UnaryOperator;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.ReceiptSink;
import org.smsengine.system.UnauthenticatedException;

/**
 * An HTTP provider's receipts as they come in by webhook: the request proves it comes from the
 * provider, then its receipts are read and handed to the {@link ReceiptSink}, which applies them
 * (set-wise, on whichever node the provider reached). All or nothing: a body that fails its check
 * or cannot be read hands on none of its receipts.
 */
final class ReceiptWebhook {

    /** What a request brought: receipts handed on, and those whose state was not final. */
    record Taken(int accepted, int ignored) {
    }

    private final String provider;
    private final String header;
    private final Signature signature;
    private final ReceiptBody body;
    private final ReceiptSink sink;
    private final long maxBody;

    ReceiptWebhook(String provider, ProviderSettings.Http.Receipts receipts, ReceiptBody body, ReceiptSink sink) {
        this.provider = provider;
        this.header = receipts.header();
        this.signature = new Signature(receipts.verify(), receipts.secret(), receipts.encoding());
        this.body = body;
        this.sink = sink;
        this.maxBody = receipts.maxBody().toBytes();
    }

    long maxBody() {
        return maxBody;
    }

    /**
     * @param headers the request's first value of a header by its name (any case), or null
     * @throws UnauthenticatedException when the request does not carry the provider's proof
     * @throws org.smsengine.system.InvalidInputException naming the field that could not be read
     */
    Taken take(UnaryOperator<String> headers, byte[] raw) {
        if (!signature.verifies(headers.apply(header), raw)) {
            throw new UnauthenticatedException("The receipts are not signed as provider '" + provider
                    + "' signs them (header " + header + "); none was applied");
        }
        ReceiptBody.Read read = body.read(raw);
        read.receipts().forEach(taken -> sink.accept(taken.receipt(), taken.raw()));
        return new Taken(read.receipts().size(), read.ignored());
    }
}
