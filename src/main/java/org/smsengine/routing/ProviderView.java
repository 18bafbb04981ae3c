package org.smsengine.routing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A provider as operators see it ({@code GET /api/v1/providers}).
 *
 * @param health    UP; DEGRADED (circuit half-open, some sessions down, or failing often); DOWN (circuit open, no
 *                  session bound, or disabled)
 * @param errorRate share (0..1) of recent submits that failed as "switch"; null before enough were made
 * @param lastError the provider's last failure, with when it happened; null when none since this node started
 */
public record ProviderView(String name, String type, boolean enabled, String health, String circuit, int tps,
        int currentTps, Sessions sessions, BigDecimal errorRate, String lastError, Instant lastErrorAt) {

    public record Sessions(int bound, int configured) {
    }
}
