package org.smsengine.pipeline.validation;

import org.smsengine.recipient.RejectReason;
import org.smsengine.recipient.RejectRow;
import org.smsengine.recipient.SourceRecord;

/** A row after the checks that need only the row itself; opt-outs and duplicates are found per chunk. */
sealed interface ValidatedRow {

    SourceRecord source();

    /** A valid number with its template values as a JSON object. */
    record Accepted(SourceRecord source, String e164, String varsJson) implements ValidatedRow {

        RejectRow rejectAs(RejectReason reason) {
            return new RejectRow(source.rowNo(), source.phone(), reason, source.raw());
        }
    }

    record Rejected(SourceRecord source, RejectReason reason) implements ValidatedRow {

        RejectRow toRejectRow() {
            return new RejectRow(source.rowNo(), source.phone(), reason, source.raw());
        }
    }
}
