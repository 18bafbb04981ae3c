package org.smsengine.routing;

import org.smsengine.batch.BatchRow;
import org.smsengine.lifecycle.LifecycleGuard;
import org.smsengine.provider.Providers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lifecycle's guards on sending: a provider to send with, and a batch within its budget. */
@Configuration(proxyBeanMethods = false)
class BudgetLifecycle {

    /** Start: some provider is configured, and the forecast (and cost so far) is within the budget. */
    @Bean
    LifecycleGuard readyToSend(Providers providers, Budgets budgets) {
        return new SendingGuard("readyToSend", providers, budgets);
    }

    /** Resume: the cost so far has not reached the budget. */
    @Bean
    LifecycleGuard withinBudget(Providers providers, Budgets budgets) {
        return new SendingGuard("withinBudget", providers, budgets);
    }

    private record SendingGuard(String name, Providers providers, Budgets budgets) implements LifecycleGuard {

        @Override
        public boolean test(BatchRow batch) {
            return whyNot(batch) == null;
        }

        @Override
        public String whyNot(BatchRow batch) {
            if (providers.all().isEmpty()) {
                return "no provider is configured (sms.providers.definitions)";
            }
            return budgets.overrun(batch);
        }
    }
}
