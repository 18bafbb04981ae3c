/**
 * Recovery after a crash: node heartbeats, and a ShedLock-guarded check that finds jobs left
 * running by a node that stopped beating and hands their batches back to operators.
 */
package org.smsengine.recovery;
