package org.smsengine.routing;

/**
 * What a provider's failure code means for the message and the provider.
 * <ul>
 * <li>{@code RETRY_SAME}: try again later on the same provider (a passing trouble of the message);</li>
 * <li>{@code SWITCH}: the provider is failing (no answer, no connection, a server error): it counts against
 *     its circuit breaker, and the message's next attempt goes to another provider of its route;</li>
 * <li>{@code THROTTLE}: the provider asks to slow down: its rate backs off, the message retries on it;</li>
 * <li>{@code FAIL}: the message fails for good.</li>
 * </ul>
 */
public enum FailureAction {
    RETRY_SAME, SWITCH, THROTTLE, FAIL
}
