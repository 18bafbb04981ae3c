package org.smsengine.optout;

/** The answer to an import's upload (202): its id to follow it by, and its state, RUNNING. */
record ImportStarted(long id, String state) {
}
