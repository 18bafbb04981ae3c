package org.smsengine.recipient;

import java.util.List;
import org.smsengine.system.PgCopy;
import org.springframework.stereotype.Component;

/** Writes rejects in bulk with COPY, inside the caller's transaction. */
@Component
public class RejectStore {

    private static final String COPY = "COPY sms_reject (batch_id, row_no, phone, reason, raw) FROM STDIN";
    private static final int MAX_PHONE_LENGTH = 64;

    private final PgCopy copy;

    RejectStore(PgCopy copy) {
        this.copy = copy;
    }

    public void insert(long batchId, List<RejectRow> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        PgCopy.CopyRows rows = new PgCopy.CopyRows(rejects.size());
        for (RejectRow reject : rejects) {
            rows.add(batchId).add(reject.rowNo()).add(cutPhone(reject.phone())).add(reject.reason().code()).add(reject.raw())
                    .endRow();
        }
        copy.copyIn(COPY, rows);
    }

    /** A phone cell as written, cut to a sane length for storage. */
    static String cutPhone(String phone) {
        return phone == null || phone.length() <= MAX_PHONE_LENGTH ? phone : phone.substring(0, MAX_PHONE_LENGTH) + "…";
    }
}
