package org.smsengine.provider.simulator;

/** What one accepted {@code submit_sm} carried, as the simulator recorded it. */
public record ReceivedPart(String destination, String source, int dataCoding, int esmClass, byte[] shortMessage,
        String messageId) {

    public boolean hasUdh() {
        return (esmClass & 0x40) != 0;
    }
}
