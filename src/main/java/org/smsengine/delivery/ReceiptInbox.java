package org.smsengine.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptSink;
import org.smsengine.system.Failures;
import org.smsengine.system.OutageLog;
import org.springframework.beans.factory.DisposableBean;

/**
 * Takes receipts from providers without making them wait, and has them applied in bulk every
 * interval. A receipt can beat the recording of its own submission (its part is not known yet); it
 * waits for a later pass, for up to {@code patience}. Receipts are held in memory until applied:
 * those a node receives in the moment before it dies are lost, and their messages stay SENT (a node
 * that is stopped applies what it holds before it exits).
 * <p>
 * A pass that fails because the database cannot be reached, or on a conflict that passes (a deadlock),
 * puts its receipts back for the next pass: they wait the outage out. A pass that fails on anything else
 * is split in halves, each applied on its own, down to the one receipt that fails, which is quarantined
 * ({@link ReceiptQuarantine}): one bad receipt never holds up the others.
 */
public class ReceiptInbox implements ReceiptSink, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReceiptInbox.class);
    private static final int MAX_PER_PASS = 5000;
    private static final long FINAL_PASS_MILLIS = 1000;

    private final BlockingQueue<ArrivedReceipt> queue;
    private final ReceiptApplier applier;
    private final Clock clock;
    private final Duration patience;
    private final ScheduledExecutorService worker;
    private final ReceiptQuarantine quarantine;
    private final OutageLog outageLog;

    ReceiptInbox(ReceiptApplier applier, ReceiptQuarantine quarantine, Clock clock, Duration interval, Duration patience,
            int capacity) {
        this.applier = applier;
        this.quarantine = quarantine;
        this.outageLog = new OutageLog(log, "Receipts could not be applied; they wait for the next pass");
        this.clock = clock;
        this.patience = patience;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "receipt-applier");
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(this::applyQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void accept(Receipt receipt) {
        accept(receipt, null);
    }

    @Override
    public void accept(Receipt receipt, String raw) {
        if (!queue.offer(new ArrivedReceipt(receipt, clock.instant(), raw))) {
            log.warn("Receipt inbox full; receipt {} of {} dropped", receipt.providerMessageId(), receipt.provider());
        }
    }

    /**
     * Applies what is waiting; returns how many receipts matched a message. Package-private for tests that cannot wait.
     *
     * @throws RuntimeException the failure of a pass whose receipts were put back (the database is unreachable)
     */
    int applyWaiting() {
        List<ArrivedReceipt> batch = new ArrayList<>();
        queue.drainTo(batch, MAX_PER_PASS);
        if (batch.isEmpty()) {
            return 0;
        }
        Pass pass = new Pass();
        Set<ArrivedReceipt> unmatched = new HashSet<>(pass.apply(batch));
        if (pass.putBack != null) {
            throw pass.putBack;
        }
        Instant giveUpBefore = clock.instant().minus(patience);
        for (ArrivedReceipt waiting : batch) {
            if (unmatched.contains(waiting)) {
                if (waiting.arrivedAt().isBefore(giveUpBefore)) {
                    log.warn("No submitted part matches receipt {} of {}; dropped", waiting.receipt().providerMessageId(),
                            waiting.receipt().provider());
                } else {
                    queue.offer(waiting);
                }
            }
        }
        return batch.size() - unmatched.size();
    }

    private void applyQuietly() {
        try {
            while (applyWaiting() >= MAX_PER_PASS) {
                // a backlog: keep going
            }
            outageLog.ended();
        } catch (RuntimeException e) {
            outageLog.failed(e);
        }
    }

    /**
     * One pass: what failed in a way that passes (the database unreachable, a deadlock) is put back and the
     * first such failure kept; what failed otherwise is halved until the receipt at fault is found.
     */
    private final class Pass {

        private RuntimeException putBack;

        /** Returns the receipts no message matched. */
        List<ArrivedReceipt> apply(List<ArrivedReceipt> receipts) {
            if (putBack != null) {
                receipts.forEach(queue::offer);
                return List.of();
            }
            try {
                return applier.apply(receipts);
            } catch (RuntimeException e) {
                if (Failures.transientFailure(e)) {
                    putBack = e;
                    receipts.forEach(queue::offer);
                    return List.of();
                }
                if (receipts.size() == 1) {
                    quarantine.setAside(receipts.get(0), e);
                    return List.of();
                }
                int half = receipts.size() / 2;
                List<ArrivedReceipt> unmatched = new ArrayList<>(apply(receipts.subList(0, half)));
                unmatched.addAll(apply(receipts.subList(half, receipts.size())));
                return unmatched;
            }
        }
    }

    /**
     * At shutdown the receipts that have come and wait for the next pass are applied first: held only
     * in memory, they would be lost, and their messages left SENT until the overdue-receipts task.
     */
    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(FINAL_PASS_MILLIS, TimeUnit.MILLISECONDS)) {
            worker.shutdownNow();
        }
        // bounded: a statement waiting on a lock (seen in CI: over 30 s, holding the node's exit) must not keep
        // the node from exiting; what is not applied by then is left to the overdue-receipts task
        Thread last = new Thread(this::applyQuietly, "receipt-inbox-last-pass");
        last.setDaemon(true);
        last.start();
        last.join(FINAL_PASS_MILLIS);
    }
}
