/**
 * What handsets send us (MO): each message stored, its keyword read (STOP, START, HELP in the configured
 * languages), the opt-out list told, and the reply sent back through the provider it came from.
 */
package org.smsengine.inbound;
