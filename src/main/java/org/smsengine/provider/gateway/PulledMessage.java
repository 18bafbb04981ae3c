package org.smsengine.provider.gateway;

import java.time.OffsetDateTime;

/** A message a device leased: to send before {@code leaseUntil}, then report under {@code id}. */
record PulledMessage(long id, String to, String from, String text, int segments, OffsetDateTime leaseUntil) {

    static PulledMessage of(GatewayMessageMapper.Leased leased) {
        return new PulledMessage(leased.id(), leased.destination(), leased.sender(), leased.text(), leased.segments(),
                leased.leaseUntil());
    }
}
