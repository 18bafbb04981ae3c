/**
 * A node's jobs outlive the node. After a crash: node heartbeats, and a ShedLock-guarded check that
 * finds jobs left running by a node that stopped beating and hands their batches back to operators.
 * After a stop (SIGTERM: a deploy, a scale-down): the node stops its jobs as a pause does, hands
 * them over and exits within its shutdown timeout, and every node's takeover check continues them
 * at once.
 */
package org.smsengine.recovery;
