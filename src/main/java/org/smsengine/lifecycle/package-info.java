/**
 * The batch lifecycle: the transition table from {@code state-machine-config/}, the one adapter that
 * builds Spring Statemachine from it, and the one door every state change goes through (with its
 * audit).
 */
package org.smsengine.lifecycle;
