package org.smsengine.provider.gateway;

/**
 * How a GATEWAY provider stands, for its health: messages waiting for a device, messages leased (and
 * of those, leases run out: their device stopped reporting, the next pull takes them), devices
 * enabled and devices seen (a pull or a report) within one lease.
 */
public record GatewayStatus(long queued, long leased, long expiredLeases, long devices, long devicesSeen) {
}
