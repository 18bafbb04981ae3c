/**
 * The preparation step: partitioned; renders each recipient's message from the template, picks
 * GSM-7 or UCS-2 and counts its segments, and stores it as a PREPARED message.
 */
package org.smsengine.pipeline.preparation;
