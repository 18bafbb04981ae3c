package org.smsengine.provider.http;

import java.io.IOException;
import java.io.InputStream;
import org.smsengine.provider.Providers;
import org.smsengine.provider.SmsProvider;
import org.smsengine.provider.UnknownProviderException;
import org.smsengine.system.PayloadTooLargeException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/providers/{name}/receipts}: an HTTP provider's delivery receipts. No engine
 * account: the request proves itself by the provider's shared secret or signature (401 without
 * it). 404 for a provider that is not an HTTP provider taking receipts; 413 above its
 * {@code max-body}; 400 naming the field that cannot be read; 202 with what was taken.
 */
@RestController
class HttpReceiptController {

    private final Providers providers;

    HttpReceiptController(Providers providers) {
        this.providers = providers;
    }

    @PostMapping("/api/v1/providers/{name}/receipts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReceiptWebhook.Taken receive(@PathVariable String name, @RequestHeader HttpHeaders headers, InputStream body)
            throws IOException {
        ReceiptWebhook webhook = webhookOf(name);
        byte[] raw = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, webhook.maxBody() + 1));
        if (raw.length > webhook.maxBody()) {
            throw new PayloadTooLargeException("Receipts of provider '" + name + "' are at most " + webhook.maxBody()
                    + " bytes a request (http.receipts.max-body)");
        }
        return webhook.take(headers::getFirst, raw);
    }

    private ReceiptWebhook webhookOf(String name) {
        SmsProvider provider;
        try {
            provider = providers.get(name);
        } catch (UnknownProviderException e) {
            throw new NoReceiptWebhookException(name, "does not exist");
        }
        if (!(provider instanceof HttpProvider http)) {
            throw new NoReceiptWebhookException(name, "is not an HTTP provider; it takes no receipts here");
        }
        return http.webhook().orElseThrow(() -> new NoReceiptWebhookException(name,
                "takes no receipts (http.receipts.message-id is not set)"));
    }
}
