package org.smsengine.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import org.smsengine.batch.BatchRow;

/**
 * A batch's budget against its forecast and its cost so far: a batch whose forecast exceeds its budget does
 * not start, and one whose cost reached it does not resume (an ADMIN or MARKETER may raise it by PATCH).
 */
final class Budgets {

    private final ObjectMapper json;
    private final String currency;

    Budgets(ObjectMapper json, String currency) {
        this.json = json;
        this.currency = currency;
    }

    /** Null when the batch may send within its budget; otherwise why not, for the operator. */
    String overrun(BatchRow batch) {
        BigDecimal budget = batch.budget();
        if (budget == null) {
            return null;
        }
        if (batch.cost() != null && batch.cost().compareTo(budget) >= 0) {
            return "its cost so far, " + amount(batch.cost()) + ", has reached its budget of " + amount(budget)
                    + " (raise the budget to go on)";
        }
        BigDecimal forecast = forecastCost(batch.forecast());
        if (forecast != null && forecast.compareTo(budget) > 0) {
            return "its forecast cost, " + amount(forecast) + ", exceeds its budget of " + amount(budget);
        }
        return null;
    }

    private BigDecimal forecastCost(String forecast) {
        if (forecast == null) {
            return null;
        }
        try {
            JsonNode cost = json.readTree(forecast).get("cost");
            return cost == null || cost.isNull() ? null : cost.decimalValue();
        } catch (IOException e) {
            return null;
        }
    }

    String amount(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString() + " " + currency;
    }
}
