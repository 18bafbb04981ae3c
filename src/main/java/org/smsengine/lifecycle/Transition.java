package org.smsengine.lifecycle;

/**
 * One row of the transition table: {@code event} moves a batch from {@code from} to {@code to} when
 * {@code guard} (if any) holds, and the engine then runs {@code action} (if any).
 */
public record Transition(String from, String event, String to, String guard, String action) {
}
