/**
 * The HTTP provider: a carrier's REST API configured as data ({@code type: HTTP} in
 * {@code sms.providers.definitions}) — the request built from a template, the answer read by its
 * status and JSON pointers — and the webhook through which such a provider posts its delivery
 * receipts, verified by a shared secret or an HMAC signature of the body.
 */
package org.smsengine.provider.http;
