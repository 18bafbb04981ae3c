package org.smsengine.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated SMSC speaking real SMPP. It accepts transceiver binds, answers {@code submit_sm}
 * (after a latency, under a throughput cap, with configured shares of transient and permanent
 * errors, or as a test scripted for a destination) and sends a delivery receipt for each accepted
 * part after a delay, with a configured mix of outcomes. A submission is counted only once its
 * response has been written. It also plays the handsets: a test (or {@code POST /mo}) injects a
 * message a handset sent ({@link #injectMo}), and with {@code stop-reply-rate} a share of the
 * recipients reply STOP to what they received.
 */
public final class SmscSimulator extends SimulatorListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);
    private static final int PDU_QUEUE = 10_000;

    /** What a scripted destination's next submission gets. */
    public enum Scripted {
        ACCEPT, THROTTLE, REJECT
    }

    private final SimulatorSettings settings;
    private final SimulatorAccounting accounting;
    private final Admission admission;
    private final SmppReceipts receipts;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ScheduledExecutorService receiptTimer;
    private final ExecutorService receiptSenders;
    private final ExecutorService binder = Executors.newCachedThreadPool(daemon("smsc-bind"));
    private final MoSender moSender = new MoSender();
    private final AtomicInteger nextSession = new AtomicInteger();
    private SMPPServerSessionListener listener;
    private volatile boolean running;
    private volatile boolean dropping;
    private volatile long refuseBindsUntil;

    public SmscSimulator(SimulatorSettings settings) {
        this.settings = settings;
        this.accounting = new SimulatorAccounting(settings.accountDestinations(), settings.recordParts());
        this.admission = new Admission(settings);
        this.receipts = new SmppReceipts(settings);
        this.receiptTimer = Executors.newSingleThreadScheduledExecutor(daemon("smsc-receipt-timer"));
        this.receiptSenders = Executors.newFixedThreadPool(settings.receiptThreads(), daemon("smsc-receipt"));
    }

    public SmscSimulator start() throws IOException {
        listener = new SMPPServerSessionListener(settings.port(), new BoundServerSockets(settings.bindAddress()));
        listener.setPduProcessorDegree(settings.pduProcessors());
        listener.setQueueCapacity(PDU_QUEUE);
        listener.setMessageReceiverListener(this);
        listener.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {
            @Override
            public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
                answered(result.getMessageId(), session);
            }

            @Override
            public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession session) {
                pending.remove(result.getMessageId());
                inFlight.decrementAndGet();
            }
        });
        running = true;
        Thread acceptor = new Thread(this::acceptLoop, "smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("SMSC simulator listening on {} port {} (system id '{}')", settings.bindAddress().getHostAddress(),
                settings.port(), settings.systemId());
        return this;
    }

    public int port() {
        return settings.port();
    }

    public SimulatorAccounting accounting() {
        return accounting;
    }

    /** The next submissions to {@code destination} (E.164, with or without +), over SMPP or HTTP, get these answers, in order. */
    public void script(String destination, Scripted... answers) {
        admission.script(bare(destination), answers);
    }

    /**
     * Caps submissions per second from now on, over SMPP and HTTP together, as {@code max-tps} does
     * from the start (0: no cap): a test's own cap, without a simulator of its own.
     */
    public void cap(int tps) {
        admission.cap(tps);
    }

    /**
     * Drops every connection, cleanly: new submissions are refused (throttled) until those in
     * flight are answered, then every session is unbound and closed (an unbind first, as an SMSC
     * going down for maintenance does: a bare close with the client's requests unread would reset
     * the connection and could lose responses already written), and binds are refused for
     * {@code refuseBindsFor}.
     */
    public void drop(Duration refuseBindsFor) throws InterruptedException {
        dropping = true;
        long deadline = System.currentTimeMillis() + 5000;
        while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        refuseBindsUntil = System.currentTimeMillis() + refuseBindsFor.toMillis();
        sessions.parallelStream().forEach(SMPPServerSession::unbindAndClose);
        sessions.clear();
        dropping = false;
        log.info("SMSC simulator dropped every connection; binds refused for {}", refuseBindsFor);
    }

    /** Submissions taken and not answered yet (waiting for the latency, say). */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Delivers a message a handset sent to the engine, as MO {@code deliver_sm} (several when it is
     * long) on a bound session, and returns once the engine answered every part.
     *
     * @param from the handset: {@code +} and digits (sent as an international number), or as given
     * @param to   our sender id or short code, as given
     * @throws NoBoundSessionException when no session is bound
     * @throws MoNotDeliveredException when the engine answered an error, or nothing in time
     */
    public void injectMo(String from, String to, String text) {
        List<SMPPServerSession> bound = sessions.stream().filter(s -> s.getSessionState().isBound()).toList();
        if (bound.isEmpty()) {
            throw new NoBoundSessionException(from);
        }
        try {
            moSender.send(bound.get(Math.floorMod(nextSession.getAndIncrement(), bound.size())), from, to, text);
        } catch (Exception e) {
            throw new MoNotDeliveredException(from, e);
        }
    }

    /**
     * Whether the recipient {@code number} replies STOP at {@code rate}: a hash of the number, so the
     * same numbers reply in every run (a benchmark can know them in advance).
     */
    public static boolean repliesStop(String number, double rate) {
        long hash = bare(number).hashCode() * 0x9E3779B97F4A7C15L;
        hash = (hash ^ (hash >>> 30)) * 0xBF58476D1CE4E5B9L;
        hash = (hash ^ (hash >>> 27)) * 0x94D049BB133111EBL;
        hash ^= hash >>> 31;
        return (hash >>> 11) * 0x1.0p-53 < rate;
    }

    public int boundSessions() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
        inFlight.incrementAndGet();
        try {
            refuseIfNeeded(submitSm.getDestAddress());
            sleep(settings.latency());
            String id = nextId();
            ReceivedPart part = new ReceivedPart(submitSm.getDestAddress(), submitSm.getSourceAddr(),
                    submitSm.getDataCoding() & 0xFF, submitSm.getEsmClass() & 0xFF, submitSm.getShortMessage(), id,
                    submitSm.getValidityPeriod() == null || submitSm.getValidityPeriod().isEmpty() ? null : submitSm.getValidityPeriod());
            // a receipt only when asked for one, as an SMSC does (SMSC delivery receipt bits of registered_delivery)
            pending.put(id, new Pending(part, new Date(), (submitSm.getRegisteredDelivery() & 0x03) != 0));
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (ProcessRequestException e) {
            inFlight.decrementAndGet();
            accounting.countRefusal();
            throw e;
        } catch (RuntimeException | PDUStringException e) {
            inFlight.decrementAndGet();
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    private void refuseIfNeeded(String destination) throws ProcessRequestException {
        switch (admission.judge(destination, dropping)) {
            case THROTTLED, TRANSIENT -> throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            case REJECTED -> throw new ProcessRequestException("invalid destination", SMPPConstant.STAT_ESME_RINVDSTADR);
            case ACCEPT -> {
                // taken
            }
        }
    }

    /** Whether a submission to {@code destination} (E.164 with or without +) is taken; a refusal is counted. */
    Admission.Verdict admit(String destination) {
        Admission.Verdict verdict = admission.judge(bare(destination), dropping);
        if (verdict != Admission.Verdict.ACCEPT) {
            accounting.countRefusal();
        }
        return verdict;
    }

    /** The id of the next message accepted (unique in this simulator's life, over SMPP and HTTP), in {@code id-format}. */
    String nextId() {
        return switch (settings.idFormat()) {
            case HEX, HEX_WITH_DECIMAL_RECEIPTS -> Long.toHexString(ids.incrementAndGet());
            case DECIMAL -> Long.toString(ids.incrementAndGet());
            case UUID -> UUID.randomUUID().toString();
        };
    }

    Duration latency() {
        return settings.latency();
    }

    SimulatorSettings settings() {
        return settings;
    }

    /** The response is on the wire: the part counts as accepted, and its receipt is on its way. */
    private void answered(String id, SMPPServerSession session) {
        Pending accepted = pending.remove(id);
        inFlight.decrementAndGet();
        if (accepted == null) {
            return;
        }
        accounting.accepted(accepted.part(), System.currentTimeMillis());
        receiptTimer.schedule(() -> receiptSenders.execute(() -> sendReceipt(session, accepted)),
                settings.receiptDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendReceipt(SMPPServerSession session, Pending accepted) {
        if (!session.getSessionState().isReceivable() || !accepted.receipt()) {
            return;
        }
        ReceivedPart part = accepted.part();
        DeliveryReceiptState state = outcome();
        try {
            receipts.send(session, part, accepted.at(), state);
            accounting.receiptSent(state.name());
        } catch (Exception e) {
            log.debug("Receipt {} not delivered: {}", part.messageId(), e.getMessage());
        }
        if (settings.stopReplyRate() > 0 && part.partNumber() == 1 && repliesStop(part.destination(), settings.stopReplyRate())) {
            replyStop(session, part);
        }
    }

    /** The recipient answers the message with STOP: an MO from its number to the message's sender, on the same session. */
    private void replyStop(SMPPServerSession session, ReceivedPart part) {
        String number = "+" + bare(part.destination());
        String to = part.source() == null ? "" : part.source();
        try {
            moSender.send(session, number, to, "STOP");
            accounting.stopReplySent(new SimulatorAccounting.StopReply(number, to, System.currentTimeMillis()));
        } catch (Exception e) {
            log.debug("STOP from {} not delivered: {}", number, e.getMessage());
        }
    }

    /** The state a receipt reports, by the configured mix (over SMPP and HTTP alike). */
    DeliveryReceiptState outcome() {
        double dice = ThreadLocalRandom.current().nextDouble();
        if (dice < settings.undeliveredRate()) {
            return DeliveryReceiptState.UNDELIV;
        }
        if (dice < settings.undeliveredRate() + settings.expiredRate()) {
            return DeliveryReceiptState.EXPIRED;
        }
        if (dice < settings.undeliveredRate() + settings.expiredRate() + settings.rejectedRate()) {
            return DeliveryReceiptState.REJECTD;
        }
        return DeliveryReceiptState.DELIVRD;
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                binder.execute(() -> bind(session));
            } catch (IOException e) {
                if (running) {
                    log.warn("SMSC simulator could not accept a connection: {}", e.getMessage());
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            if (System.currentTimeMillis() < refuseBindsUntil) {
                request.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
            } else if (!settings.systemId().equals(request.getSystemId()) || !settings.password().equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            } else {
                request.accept("SIMSMSC", InterfaceVersion.IF_34);
                sessions.add(session);
                session.addSessionStateListener((newState, oldState, closed) -> {
                    if (!newState.isBound()) {
                        sessions.remove(session);
                    }
                });
            }
        } catch (Exception e) {
            log.debug("A bind to the simulator failed: {}", e.getMessage());
            session.close();
        }
    }

    private static void sleep(Duration duration) {
        if (!duration.isZero()) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String bare(String destination) {
        return destination.startsWith("+") ? destination.substring(1) : destination;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        running = false;
        sessions.parallelStream().forEach(SMPPServerSession::unbindAndClose);
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        receiptTimer.shutdownNow();
        receiptSenders.shutdownNow();
        binder.shutdownNow();
    }

    private record Pending(ReceivedPart part, Date at, boolean receipt) {
    }
}
