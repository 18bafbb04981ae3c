package org.smsengine.recipient;

/** The first and last row numbers of a batch's recipients. */
public record RowRange(int first, int last) {
}
