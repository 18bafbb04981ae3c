package org.smsengine.template;

/**
 * The two SMS data codings the engine sends, with the capacity of one part.
 * Capacities are in the encoding's units: septets for GSM-7, UTF-16 code units for UCS-2.
 */
public enum SmsEncoding {

    GSM7(160, 153),
    UCS2(70, 67);

    private final int singlePartCapacity;
    private final int multiPartCapacity;

    SmsEncoding(int singlePartCapacity, int multiPartCapacity) {
        this.singlePartCapacity = singlePartCapacity;
        this.multiPartCapacity = multiPartCapacity;
    }

    public int singlePartCapacity() {
        return singlePartCapacity;
    }

    /** A part of a concatenated message carries a user data header, so it holds less. */
    public int multiPartCapacity() {
        return multiPartCapacity;
    }
}
