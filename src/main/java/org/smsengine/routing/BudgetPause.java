package org.smsengine.routing;

import java.math.BigDecimal;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.lifecycle.BatchLifecycle;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Pauses a batch whose cost reached its budget, with the reason, as an operator's pause would. The pause
 * is sent from a thread of its own: the cost is seen by a delivery partition, which the pause stops.
 */
public final class BudgetPause implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BudgetPause.class);

    private final ObjectProvider<BatchLifecycle> lifecycle;
    private final Budgets budgets;
    private final ExecutorService pauser = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "budget-pause");
        thread.setDaemon(true);
        return thread;
    });

    BudgetPause(ObjectProvider<BatchLifecycle> lifecycle, Budgets budgets) {
        this.lifecycle = lifecycle;
        this.budgets = budgets;
    }

    /** The batch's cost after an outcome was recorded: when it reached the budget, the batch is paused. */
    public void spent(long batchId, BigDecimal cost, BigDecimal budget) {
        if (budget == null || cost.compareTo(budget) < 0) {
            return;
        }
        String reason = "budget reached: cost " + budgets.amount(cost) + " of a budget of " + budgets.amount(budget);
        pauser.execute(() -> {
            try {
                lifecycle.getObject().notify(batchId, "pause", reason, null)
                        .ifPresent(paused -> log.warn("Batch {}: paused, {}", batchId, reason));
            } catch (RuntimeException e) {
                log.error("Batch {}: could not pause it at its budget ({})", batchId, e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        pauser.shutdownNow();
    }
}
