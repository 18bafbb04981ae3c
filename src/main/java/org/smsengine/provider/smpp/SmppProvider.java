package org.smsengine.provider.smpp;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.provider.AcceptedPart;
import org.smsengine.provider.BindLeases;
import org.smsengine.provider.InboundSink;
import org.smsengine.provider.MalformedReceipts;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.ReceiptSink;
import org.smsengine.provider.SmsProvider;
import org.smsengine.provider.SubmitResult;

/**
 * A provider reached over SMPP: {@code sessions} transceiver binds, messages spread over those that
 * are bound. A message's parts go out side by side; the result says which were accepted. While no
 * session is bound, a submission waits up to the response timeout for one, then is a retry-later.
 * A {@code deliver_sm} or {@code data_sm} is a delivery receipt when its esm_class says so (an SMSC
 * delivery receipt or an intermediate notification), read by {@link ReceiptReader} and taken by
 * {@link ReceiptReception}; any other is a message a handset sent, handed to the {@link InboundSink}
 * ({@link InboundReception}) before it is answered.
 */
public final class SmppProvider implements SmsProvider, MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(SmppProvider.class);
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(2);

    private final ProviderSettings.Definition definition;
    private final ReceiptIds ids;
    private final ReceiptReception receipts;
    private final InboundReception inbound;
    private final List<SmppBind> binds = new ArrayList<>();
    private final ScheduledExecutorService reconnects;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong dataSmIds = new AtomicLong();

    public SmppProvider(ProviderSettings.Definition definition, ReceiptSink receipts, InboundSink inbound) {
        this(definition, receipts, inbound, BindLeases.UNLIMITED, new MalformedReceipts(new SimpleMeterRegistry()));
    }

    /**
     * With the cluster's bind leases (each session opens only while this node holds a lease for it) and where the
     * receipts it cannot take are counted.
     */
    public SmppProvider(ProviderSettings.Definition definition, ReceiptSink receipts, InboundSink inbound, BindLeases leases,
            MalformedReceipts malformed) {
        this.definition = definition;
        this.ids = new ReceiptIds(definition.smpp().receiptId());
        this.receipts = new ReceiptReception(definition.name(), receipts, ids, malformed, Clock.systemUTC());
        this.inbound = new InboundReception(definition.name(), inbound, new PartAssembler(
                definition.smpp().inboundIncomplete(), definition.smpp().inboundPartsTimeout()), Clock.systemUTC());
        this.reconnects = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, definition.name() + "-binder");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 1; i <= definition.sessions(); i++) {
            binds.add(new SmppBind(definition.name() + "-" + i, i - 1, definition, this, reconnects, leases));
        }
        binds.forEach(SmppBind::open);
        long sweep = InboundReception.sweepInterval(definition.smpp().inboundPartsTimeout()).toMillis();
        reconnects.scheduleWithFixedDelay(this.inbound::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public Sessions sessions() {
        return new Sessions((int) binds.stream().filter(SmppBind::isBound).count(), binds.size());
    }

    @Override
    public CompletableFuture<SubmitResult> submit(OutgoingMessage message) {
        List<PartPdu> parts = PartPdu.of(message);
        SmppBind.Address source = SmppBind.Address.of(
                message.sender() == null ? definition.smpp().sourceAddress() : message.sender());
        String destination = message.destination().startsWith("+") ? message.destination().substring(1) : message.destination();
        List<CompletableFuture<PartResult>> results = new ArrayList<>(parts.size());
        try {
            for (PartPdu part : parts) {
                SmppBind bind = boundSession();
                if (bind == null) {
                    results.add(CompletableFuture.completedFuture(PartResult.retry(part.part(), "smpp:no_session",
                            "no session is bound to " + definition.smpp().host() + ":" + definition.smpp().port())));
                    continue;
                }
                results.add(bind.submit(part, source, destination)
                        .handle((id, error) -> error == null ? PartResult.accepted(part.part(), ids.answered(id))
                                : PartResult.of(part.part(), error)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            results.add(CompletableFuture.completedFuture(PartResult.retry(0, "interrupted", "the submission was interrupted")));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(done -> combine(results.stream().map(CompletableFuture::join).toList()));
    }

    /** A bound session, round robin; waits up to the response timeout when none is bound. */
    private SmppBind boundSession() throws InterruptedException {
        long deadline = System.nanoTime() + definition.smpp().responseTimeout().toNanos();
        do {
            for (int i = 0; i < binds.size(); i++) {
                SmppBind bind = binds.get(Math.floorMod(next.getAndIncrement(), binds.size()));
                if (bind.isBound()) {
                    return bind;
                }
            }
            Thread.sleep(Duration.ofMillis(50).toMillis());
        } while (System.nanoTime() < deadline);
        return null;
    }

    private static SubmitResult combine(List<PartResult> parts) {
        List<AcceptedPart> accepted = parts.stream().filter(p -> p.providerMessageId() != null)
                .sorted(Comparator.comparingInt(PartResult::part))
                .map(p -> new AcceptedPart(p.part(), p.providerMessageId())).toList();
        PartResult permanent = parts.stream().filter(p -> p.code() != null && !p.transientFailure()).findFirst().orElse(null);
        if (permanent != null) {
            return new SubmitResult.Rejected(permanent.code(), permanent.detail(), accepted);
        }
        PartResult later = parts.stream().filter(p -> p.code() != null).findFirst().orElse(null);
        if (later != null) {
            return new SubmitResult.RetryLater(later.code(), later.detail(), accepted);
        }
        return new SubmitResult.Accepted(accepted);
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (isReceipt(deliverSm.getEsmClass())) {
            receipts.take(ReceiptReader.read(deliverSm.getShortMessage(), deliverSm.getOptionalParameters()));
        } else {
            inbound.take(InboundPart.of(deliverSm, deliverSm.getShortMessage()));
        }
    }

    /** The esm_class message type (bits 5-2) of an SMSC delivery receipt (0x04) or an intermediate notification (0x20). */
    static boolean isReceipt(byte esmClass) {
        int type = esmClass & 0x3C;
        return type == 0x04 || type == 0x20;
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // not used: the engine sends no messages that wait for an alert
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        if (isReceipt(dataSm.getEsmClass())) {
            receipts.take(ReceiptReader.read(null, dataSm.getOptionalParameters()));
        } else {
            inbound.take(InboundPart.of(dataSm, null));
        }
        try {
            return new DataSmResult(new MessageId(Long.toHexString(dataSmIds.incrementAndGet())), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new IllegalStateException("a hexadecimal counter is a valid message id", e);
        }
    }

    @Override
    /**
     * Unbinds every session at once, waiting {@link #CLOSE_PATIENCE} at most: it is among the last things a
     * stopping node does, and a session jSMPP cannot close promptly must not hold the node's exit.
     */
    public void close() {
        List<Thread> closing = new ArrayList<>();
        for (SmppBind bind : binds) {
            Thread thread = new Thread(bind::close, definition.name() + "-close");
            thread.setDaemon(true);
            thread.start();
            closing.add(thread);
        }
        long deadline = System.nanoTime() + CLOSE_PATIENCE.toNanos();
        try {
            for (Thread thread : closing) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closing.stream().anyMatch(Thread::isAlive)) {
            log.warn("{}: a session did not close within {}; left to the process's exit", definition.name(), CLOSE_PATIENCE);
        }
        reconnects.shutdownNow();
    }

    /** What became of one part. */
    private record PartResult(int part, String providerMessageId, String code, String detail, boolean transientFailure) {

        static PartResult accepted(int part, String id) {
            return new PartResult(part, id, null, null, false);
        }

        static PartResult retry(int part, String code, String detail) {
            return new PartResult(part, null, code, detail, true);
        }

        static PartResult of(int part, Throwable error) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof NegativeResponseException negative) {
                int status = negative.getCommandStatus();
                return new PartResult(part, null, CommandStatuses.code(status), cause.getMessage(),
                        CommandStatuses.isTransient(status));
            }
            if (cause instanceof ResponseTimeoutException) {
                return retry(part, "smpp:timeout", "no response in time; the SMSC may or may not have taken it");
            }
            return retry(part, "smpp:" + cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()));
        }
    }
}
