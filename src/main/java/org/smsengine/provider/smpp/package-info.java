/**
 * The SMPP provider: transceiver binds with jSMPP, a window of asynchronous {@code submit_sm}
 * per session, reconnection with backoff, concatenated multi-part messages, delivery receipts.
 */
package org.smsengine.provider.smpp;
