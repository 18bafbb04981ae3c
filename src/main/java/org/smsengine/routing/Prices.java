package org.smsengine.routing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a segment costs on each provider, per destination country ({@code sms.routing.prices}); a
 * country a table does not name takes its {@code default} price, and a provider without a table is
 * free (a gateway of one's own phones). Prices are kept in millionths of the currency, so costs add up
 * exactly.
 */
public final class Prices {

    private static final String REST = "DEFAULT";
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private final Map<String, Map<String, Long>> micros = new HashMap<>();
    private final String currency;

    Prices(Map<String, Map<String, BigDecimal>> prices, String currency) {
        this.currency = currency;
        if (prices == null) {
            return;
        }
        prices.forEach((provider, table) -> {
            Map<String, Long> byCountry = new HashMap<>();
            table.forEach((country, price) -> {
                if (price == null || price.signum() < 0) {
                    throw new IllegalStateException("sms.routing.prices." + provider + "." + country
                            + ": a price is a number of " + currency + " of zero or more");
                }
                byCountry.put(country.toUpperCase(Locale.ROOT), price.multiply(MICROS).longValue());
            });
            micros.put(provider, byCountry);
        });
    }

    public String currency() {
        return currency;
    }

    /** A segment to that country on that provider, in millionths of the currency. */
    public long segmentMicros(String provider, String country) {
        Map<String, Long> table = micros.get(provider);
        if (table == null) {
            return 0;
        }
        Long price = country == null ? null : table.get(country);
        return price != null ? price : table.getOrDefault(REST, 0L);
    }

    /** Whether the provider has a price table. */
    boolean priced(String provider) {
        return micros.containsKey(provider);
    }

    /** Millionths of the currency as an amount. */
    public static BigDecimal amount(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    }
}
