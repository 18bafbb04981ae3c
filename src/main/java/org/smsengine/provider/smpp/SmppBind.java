package org.smsengine.provider.smpp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.socket.SocketConnectionFactory;
import org.jsmpp.util.DefaultComposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.provider.BindLeases;
import org.smsengine.provider.ProviderSettings;

/**
 * One transceiver bind to an SMSC, kept up: when the session closes it is rebuilt (a new jSMPP
 * session each time) after a delay that doubles up to a maximum. jSMPP's submit blocks until its
 * response, so the window of requests in flight is a semaphore and a thread per request in flight.
 * Each session reads its PDUs through {@link AnswersFirst}, so the SMSC's unbind never overtakes the
 * responses it sent before it (a lost acceptance would be a message sent twice).
 */
final class SmppBind implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppBind.class);
    private static final RegisteredDelivery RECEIPT = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);
    private static final RegisteredDelivery NO_RECEIPT = new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT);
    /** Generous, so a burst of receipts never overflows jSMPP's queue (its answer to that is a PDU its own server cannot read). */
    private static final int PDU_QUEUE = 10_000;
    private static final int PDU_PROCESSORS = 4;
    /**
     * How long a close waits for the SMSC to answer its unbind. It is the last thing a stopping node
     * says (its shutdown has a deadline), and an SMSC that is not answering submits will not answer it.
     */
    private static final long UNBIND_PATIENCE_MILLIS = 500;
    /** How often a bind under a cluster-wide limit renews its lease (and closes when its node's share shrank). */
    static final Duration LEASE_CHECK = Duration.ofSeconds(2);

    private final String name;
    private final int slot;
    private final BindLeases leases;
    private final ProviderSettings.Definition definition;
    private final MessageReceiverListener receipts;
    private final ScheduledExecutorService reconnects;
    private final ExecutorService requests;
    private final Semaphore window;
    private volatile Session session;
    private volatile boolean closed;
    private Duration nextDelay;

    SmppBind(String name, int slot, ProviderSettings.Definition definition, MessageReceiverListener receipts,
            ScheduledExecutorService reconnects, BindLeases leases) {
        this.name = name;
        this.slot = slot;
        this.leases = leases;
        this.definition = definition;
        this.receipts = receipts;
        this.reconnects = reconnects;
        this.window = new Semaphore(definition.window());
        AtomicInteger threads = new AtomicInteger();
        this.requests = Executors.newFixedThreadPool(definition.window(), runnable -> {
            Thread thread = new Thread(runnable, name + "-request-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.nextDelay = definition.smpp().reconnectDelay();
    }

    void open() {
        reconnects.execute(this::bind);
        if (leases != BindLeases.UNLIMITED) {
            long every = LEASE_CHECK.toMillis();
            reconnects.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Keeps this session's lease; closes the session when the cluster no longer spares it (it binds again when it may). */
    private void renew() {
        Session current = session;
        if (closed || current == null || !current.getSessionState().isBound()) {
            return;
        }
        if (!mayBind()) {
            log.info("{}: this node's share of {}'s {} binds shrank (more nodes are alive); unbinding", name,
                    definition.name(), definition.maxBinds());
            current.unbindAndClose();
        }
    }

    private boolean mayBind() {
        try {
            return leases.hold(definition.name(), slot, definition.maxBinds());
        } catch (RuntimeException e) {
            log.warn("{}: could not take a bind lease ({}); not binding for now", name, e.getMessage());
            return false;
        }
    }

    boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    /**
     * Sends one part; blocks while the window is full. The future completes with the provider's
     * message id, or exceptionally with what jSMPP threw.
     */
    CompletableFuture<String> submit(PartPdu part, Address source, String destination) throws InterruptedException {
        window.acquire();
        Session current = session;
        CompletableFuture<String> result = new CompletableFuture<>();
        requests.execute(() -> {
            try {
                SubmitSmResult response = current.submitShortMessage(definition.smpp().systemType(),
                        source.ton(), source.npi(), source.address(),
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination,
                        part.esmClass(), (byte) 0, (byte) 0, null, part.validityPeriod(), part.receipt() ? RECEIPT : NO_RECEIPT, (byte) 0, part.dataCoding(), (byte) 0,
                        part.shortMessage());
                current.answers.taken();
                result.complete(response.getMessageId());
            } catch (NegativeResponseException e) {
                current.answers.taken();
                result.completeExceptionally(e);
            } catch (PDUException | ResponseTimeoutException | InvalidResponseException | IOException | RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                window.release();
            }
        });
        return result;
    }

    private void bind() {
        if (closed) {
            return;
        }
        ProviderSettings.Smpp smpp = definition.smpp();
        if (!mayBind()) {
            log.debug("{}: no bind of {}'s {} to spare in the cluster; looking again in {}", name, definition.name(),
                    definition.maxBinds(), LEASE_CHECK);
            later(LEASE_CHECK);
            return;
        }
        Session candidate = new Session(new AnswersFirst(smpp.responseTimeout()));
        try {
            candidate.setPduProcessorDegree(PDU_PROCESSORS);
            candidate.setQueueCapacity(PDU_QUEUE);
            candidate.setTransactionTimer(smpp.responseTimeout().toMillis());
            candidate.setEnquireLinkTimer((int) smpp.enquireLinkInterval().toMillis());
            candidate.setMessageReceiverListener(receipts);
            candidate.addSessionStateListener((newState, oldState, source) -> {
                if (newState == SessionState.CLOSED && source == session && !closed) {
                    log.warn("{}: the session to {}:{} closed; reconnecting", name, smpp.host(), smpp.port());
                    leases.release(definition.name(), slot);
                    later(smpp.reconnectDelay());
                }
            });
            candidate.connectAndBind(smpp.host(), smpp.port(), new BindParameter(BindType.BIND_TRX, smpp.systemId(),
                    smpp.password(), smpp.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    smpp.responseTimeout().toMillis());
            session = candidate;
            nextDelay = smpp.reconnectDelay();
            log.info("{}: bound to {}:{} as {}", name, smpp.host(), smpp.port(), smpp.systemId());
        } catch (IOException | RuntimeException e) {
            candidate.close();
            leases.release(definition.name(), slot);
            log.warn("{}: cannot bind ({}); next attempt in {}", name, e.getMessage(), nextDelay);
            later(nextDelay);
            Duration doubled = nextDelay.multipliedBy(2);
            nextDelay = doubled.compareTo(definition.smpp().reconnectDelayMax()) > 0 ? definition.smpp().reconnectDelayMax() : doubled;
        }
    }

    private void later(Duration delay) {
        if (!closed) {
            reconnects.schedule(this::bind, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        Session current = session;
        if (current != null) {
            current.answers.closing();
        }
        if (current != null && current.getSessionState().isBound()) {
            current.setTransactionTimer(Math.min(UNBIND_PATIENCE_MILLIS, definition.smpp().responseTimeout().toMillis()));
            current.unbindAndClose();
        } else if (current != null) {
            current.close();
        }
        leases.release(definition.name(), slot);
        requests.shutdownNow();
    }

    /** A jSMPP session with the reader of its PDUs, which its submits tell when they had their response. */
    private static final class Session extends SMPPSession {

        private final AnswersFirst answers;

        Session(AnswersFirst answers) {
            super(new SynchronizedPDUSender(new DefaultPDUSender(new DefaultComposer())), answers, SocketConnectionFactory.getInstance());
            this.answers = answers;
        }
    }

    /** A source address with its type of number and numbering plan. */
    record Address(String address, TypeOfNumber ton, NumberingPlanIndicator npi) {

        /** {@code +44...} international, digits unknown-type ISDN, anything else alphanumeric. */
        static Address of(String sender) {
            if (sender.startsWith("+") && sender.substring(1).chars().allMatch(Character::isDigit)) {
                return new Address(sender.substring(1), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN);
            }
            if (!sender.isEmpty() && sender.chars().allMatch(Character::isDigit)) {
                return new Address(sender, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN);
            }
            return new Address(sender, TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN);
        }
    }
}
