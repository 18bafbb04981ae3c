package org.smsengine.routing;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a prepared batch will cost: its segments and their price, in total and by country and provider
 * (a weighted route's messages split by its weights), as {@code "forecast"} on the batch.
 */
record Forecast(long segments, BigDecimal cost, String currency, List<Line> byCountry) {

    record Line(String country, long messages, long segments, BigDecimal cost, String provider) {
    }
}
