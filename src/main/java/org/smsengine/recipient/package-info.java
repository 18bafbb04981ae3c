/**
 * Recipients: reading uploaded rows (CSV or the JSON form), normalising phone numbers
 * to E.164, and the stable reasons a row is rejected.
 */
package org.smsengine.recipient;
