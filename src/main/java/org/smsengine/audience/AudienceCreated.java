package org.smsengine.audience;

/** An audience and its CSV have been stored; its rows are checked once that has committed. */
record AudienceCreated(long audienceId) {
}
