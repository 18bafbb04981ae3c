package org.smsengine.simulator;

/**
 * What one accepted {@code submit_sm} carried, as the simulator recorded it; or one message taken
 * over HTTP ({@code POST /http/messages}), whole: its {@code dataCoding} is {@link #HTTP} and its
 * {@code shortMessage} the text in UTF-8.
 *
 * @param validityPeriod the {@code validity_period} as sent (SMPP time format); null when it was empty
 */
public record ReceivedPart(String destination, String source, int dataCoding, int esmClass, byte[] shortMessage,
        String messageId, String validityPeriod) {

    /** The data coding of a message taken over HTTP: no SMPP coding, its text in UTF-8. */
    public static final int HTTP = -1;

    public boolean hasUdh() {
        return (esmClass & 0x40) != 0;
    }

    /** The part's number in its message (from the UDH's concatenation element); 1 when it is not a part. */
    public int partNumber() {
        if (!hasUdh() || shortMessage == null || shortMessage.length < 6) {
            return 1;
        }
        int element = shortMessage[1];
        if (element == 0x00) {
            return shortMessage[5] & 0xFF;
        }
        return element == 0x08 && shortMessage.length >= 7 ? shortMessage[6] & 0xFF : 1;
    }
}
