package org.smsengine.audience;

/** VALIDATING while its rows are being checked; READY to be used; FAILED when they could not be read. */
public enum AudienceState {
    VALIDATING,
    READY,
    FAILED
}
