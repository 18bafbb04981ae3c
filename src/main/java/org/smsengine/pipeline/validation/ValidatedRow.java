package org.smsengine.pipeline.validation;

import org.smsengine.recipient.RecipientStore;
import org.smsengine.recipient.RejectReason;
import org.smsengine.recipient.RejectRow;
import org.smsengine.upload.SourceRecord;

/** A row after the checks it can be judged by alone; opt-outs and duplicates are found by screening. */
sealed interface ValidatedRow {

    SourceRecord source();

    /** A valid number, its country, and its template values as a JSON object. */
    record Accepted(SourceRecord source, String e164, String country, String varsJson) implements ValidatedRow {

        RecipientStore.NewRecipient toRecipient() {
            return new RecipientStore.NewRecipient(source.rowNo(), e164, country, varsJson, source.phone(), source.raw());
        }
    }

    /** A rejected row; {@code failure} is set when checking it threw, which counts against the skip limit. */
    record Rejected(SourceRecord source, RejectReason reason, String failure) implements ValidatedRow {

        Rejected(SourceRecord source, RejectReason reason) {
            this(source, reason, null);
        }

        RejectRow toRejectRow() {
            return new RejectRow(source.rowNo(), source.phone(), reason, source.raw());
        }
    }
}
