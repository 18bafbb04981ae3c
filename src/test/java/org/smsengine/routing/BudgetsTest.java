package org.smsengine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.smsengine.batch.BatchRowBuilder;
import org.smsengine.batch.BatchState;

class BudgetsTest {

    private final Budgets budgets = new Budgets(new ObjectMapper(), "EUR");

    @Test
    void aBatchWithoutABudgetAlwaysMaySend() {
        assertThat(budgets.overrun(batch("{\"cost\": 1000}", null, "0"))).isNull();
    }

    @Test
    void aForecastAboveTheBudgetRefusesAndOneAtItDoesNot() {
        assertThat(budgets.overrun(batch("{\"cost\": 12.5}", "10", "0")))
                .isEqualTo("its forecast cost, 12.5 EUR, exceeds its budget of 10 EUR");
        assertThat(budgets.overrun(batch("{\"cost\": 10.00}", "10", "0"))).isNull();
    }

    @Test
    void aCostThatReachedTheBudgetRefusesWhateverTheForecast() {
        assertThat(budgets.overrun(batch("{\"cost\": 5}", "10", "10.000"))).startsWith("its cost so far, 10 EUR, has reached");
        assertThat(budgets.overrun(batch(null, "10", "9.99"))).isNull();
    }

    private static org.smsengine.batch.BatchRow batch(String forecast, String budget, String cost) {
        return BatchRowBuilder.aBatch().in(BatchState.READY)
                .spending(forecast, budget == null ? null : new BigDecimal(budget), new BigDecimal(cost)).build();
    }
}
