/**
 * Message text: {@code {{column}}} templates, their rendering, and the SMS encoding
 * rules (GSM 03.38 7-bit alphabet or UCS-2) that decide how many segments a text costs.
 */
package org.smsengine.template;
