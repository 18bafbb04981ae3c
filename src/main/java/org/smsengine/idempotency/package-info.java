/**
 * Retrying safely: an {@code Idempotency-Key} on any POST or PATCH under {@code /api/v1} (API.md,
 * "Idempotency"). The first request with a key claims it in PostgreSQL, so that of two nodes receiving
 * the same key at once one runs it; its answer is kept ({@code sms.idempotency.keep}) and given again,
 * marked {@code Idempotent-Replayed: true}, to a retry of the same request. A different request with
 * the key is refused (422), one made while the first still runs is asked to come back (409), and a 5xx
 * is not kept. Provider callbacks ({@code /api/v1/providers/{name}/receipts}, {@code /api/v1/gateway/**})
 * have no user and are left alone.
 *
 * <p>A node that dies while it runs a keyed request leaves the key claimed. Every transaction the
 * request commits first marks the claim, in that same transaction ({@link CommittedWork}); once the node
 * is lost (no heartbeat for {@code sms.recovery.node-timeout}) a retry runs the request again if nothing
 * was marked (nothing of it was committed), and otherwise is told that the first request was
 * interrupted after it changed data (409 {@code idempotency_request_interrupted}): its answer is lost,
 * and running it again could, for instance, send a batch twice.
 */
package org.smsengine.idempotency;
