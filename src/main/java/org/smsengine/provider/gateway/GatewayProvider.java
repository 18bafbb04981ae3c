package org.smsengine.provider.gateway;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.provider.AcceptedPart;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.SmsProvider;
import org.smsengine.provider.SubmitResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A provider whose carriers are phones. A submission is queued and accepted at once, one accepted
 * part per part it covers, under ids made of the queue row's id ({@code id.part}): a phone may take
 * minutes, and the delivery step's window of requests in flight must not wait for it. What the phone
 * reports comes back as receipts under those ids ({@link Reports}), as an SMSC's would.
 */
public final class GatewayProvider implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(GatewayProvider.class);

    private final String name;
    private final ProviderSettings.Gateway settings;
    private final GatewayMessageMapper messages;
    private final TransactionTemplate ownTransaction;
    private final QueueCapacity capacity;

    GatewayProvider(String name, ProviderSettings.Gateway settings, GatewayMessageMapper messages,
            PlatformTransactionManager transactionManager) {
        this.name = name;
        this.settings = settings;
        this.messages = messages;
        // apart from the caller's (the delivery chunk's): a device may pull the message the moment it is accepted
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.capacity = new QueueCapacity(settings.queueCapacity(), settings.queueCheckInterval(),
                () -> messages.countUnsent(name));
    }

    /** The receipt id of a part of a queued message. */
    static String partId(long messageId, int part) {
        return messageId + "." + part;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<SubmitResult> submit(OutgoingMessage message) {
        return CompletableFuture.completedFuture(queue(message));
    }

    private SubmitResult queue(OutgoingMessage message) {
        // a phone sends the whole text; only the parts not accepted by an earlier attempt are this submission's
        Integer[] parts = IntStream.rangeClosed(1, message.segments()).filter(p -> !message.skippedParts().contains(p))
                .boxed().toArray(Integer[]::new);
        if (parts.length == 0) {
            return new SubmitResult.Accepted(List.of());
        }
        try {
            if (!capacity.reserve()) {
                return new SubmitResult.RetryLater("gateway:queue_full", "provider '" + name + "' holds "
                        + settings.queueCapacity() + " unsent messages (queue-capacity)", List.of());
            }
        } catch (RuntimeException e) {
            return unavailable(message, e);
        }
        try {
            Long id = ownTransaction.execute(status -> messages.enqueue(name, message.reference(), message.destination(),
                    message.sender(), message.text(), message.segments(), parts, message.receipt(),
                    message.validUntil() == null ? null : message.validUntil().atOffset(ZoneOffset.UTC)));
            return new SubmitResult.Accepted(IntStream.range(0, parts.length)
                    .mapToObj(i -> new AcceptedPart(parts[i], partId(id, parts[i]))).toList());
        } catch (RuntimeException e) {
            capacity.release();
            return unavailable(message, e);
        }
    }

    private SubmitResult unavailable(OutgoingMessage message, RuntimeException e) {
        log.warn("Provider {}: message {} could not be queued ({})", name, message.reference(), e.toString());
        return new SubmitResult.RetryLater("gateway:unavailable", "the gateway queue could not be written", List.of());
    }

    /** How the provider stands now: its queue, its leases, its devices. */
    public GatewayStatus status() {
        return messages.status(name, settings.lease().toMillis());
    }

    @Override
    public void close() {
        // nothing held: the queue is in the database, devices call in
    }
}
