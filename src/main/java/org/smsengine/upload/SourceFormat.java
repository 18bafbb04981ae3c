package org.smsengine.upload;

/** How the stored upload is written: the marketer's CSV, or JSON lines from the API's JSON form. */
public enum SourceFormat {
    CSV,
    JSON
}
