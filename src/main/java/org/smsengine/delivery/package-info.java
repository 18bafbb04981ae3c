/**
 * Delivery: claiming prepared messages before any submit, submitting them under the rate limits
 * ({@code delivery.ratelimit}), recording outcomes in
 * bulk, retrying transient failures with backoff, and applying the receipts providers bring back.
 */
package org.smsengine.delivery;
