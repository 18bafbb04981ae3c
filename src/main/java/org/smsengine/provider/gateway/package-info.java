/**
 * The GATEWAY provider: phones as gateways. A submission is queued ({@code sms_gateway_message}) and
 * accepted at once; registered devices, each with a key of its own, pull what is queued for their
 * provider under a lease, send it over their SIM and report each outcome, which comes back to the
 * engine as receipts. A device that stops reporting loses its leases to the next pull.
 */
package org.smsengine.provider.gateway;
