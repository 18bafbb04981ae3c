package org.smsengine.pipeline.validation;

/** Checking one row failed unexpectedly; the row is skipped (and kept as a reject), not the batch. */
class RowProcessingException extends RuntimeException {

    RowProcessingException(int rowNo, RuntimeException cause) {
        super("Row " + rowNo + " could not be checked: " + cause.getMessage(), cause);
    }
}
