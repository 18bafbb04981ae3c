/**
 * Consent: the opt-out list (added over the API, imported, or by a keyword a handset sent), the
 * messages handsets send us (MO) and the keywords in them, and what delivery asks of each page
 * before it submits: who opted out since the batch was prepared, who is over a frequency cap.
 */
package org.smsengine.consent;
