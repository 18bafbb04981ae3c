/**
 * The SMPP provider: transceiver binds with jSMPP, a window of asynchronous {@code submit_sm}
 * per session, reconnection with backoff, concatenated multi-part messages, delivery receipts,
 * and the messages handsets send (MO): decoded by their data coding and put back together from
 * their parts before the inbound sink has them.
 */
package org.smsengine.provider.smpp;
