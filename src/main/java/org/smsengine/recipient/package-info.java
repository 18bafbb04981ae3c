/**
 * Recipients: the valid rows of a batch, phone numbers normalised to E.164 (and masked for roles
 * that may not see them whole), and the stable reasons a row is rejected.
 */
package org.smsengine.recipient;
