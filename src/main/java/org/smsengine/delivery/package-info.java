/**
 * Delivery: claiming prepared messages before any submit, submitting them under the rate limits
 * (shared by the cluster in Redis, backing off when a provider throttles), recording outcomes in
 * bulk, retrying transient failures with backoff, and applying the receipts providers bring back.
 */
package org.smsengine.delivery;
