package org.smsengine.recipient;

import java.util.List;
import org.smsengine.system.PgCopy;
import org.springframework.stereotype.Component;

/** Appends valid rows to {@code sms_recipient} with COPY, inside the caller's transaction. */
@Component
public class RecipientStore {

    private static final String COPY = "COPY sms_recipient (batch_id, row_no, phone, country, vars, phone_given, raw) FROM STDIN";

    private final PgCopy copy;

    RecipientStore(PgCopy copy) {
        this.copy = copy;
    }

    public void append(long batchId, List<NewRecipient> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        PgCopy.CopyRows rows = new PgCopy.CopyRows(recipients.size());
        for (NewRecipient recipient : recipients) {
            rows.add(batchId).add(recipient.rowNo()).add(recipient.phone()).add(recipient.country()).add(recipient.varsJson())
                    .add(RejectStore.cutPhone(recipient.phoneGiven())).add(recipient.raw()).endRow();
        }
        copy.copyIn(COPY, rows);
    }

    /** A row whose number is valid, with what a reject would need should screening remove it. */
    public record NewRecipient(int rowNo, String phone, String country, String varsJson, String phoneGiven, String raw) {
    }
}
