package org.smsengine.message;

import java.util.List;
import org.smsengine.recipient.TimeZones;
import org.smsengine.system.PgCopy;
import org.springframework.stereotype.Component;

/** Writes prepared messages in bulk with COPY, inside the caller's transaction. */
@Component
public class MessageStore {

    private static final String COPY = "COPY sms_message (batch_id, partition_no, row_no, phone, text, encoding, segments, status, time_zone, country)"
            + " FROM STDIN";

    private final PgCopy copy;

    MessageStore(PgCopy copy) {
        this.copy = copy;
    }

    public void insertPrepared(long batchId, int partitionNo, List<? extends PreparedMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        PgCopy.CopyRows rows = new PgCopy.CopyRows(messages.size());
        String status = MessageStatus.PREPARED.name();
        for (PreparedMessage message : messages) {
            rows.add(batchId).add(partitionNo).add(message.rowNo()).add(message.phone()).add(message.text())
                    .add(message.encoded().encoding().name()).add(message.encoded().segments()).add(status).add(TimeZones.of(message.phone()))
                    .add(message.country()).endRow();
        }
        copy.copyIn(COPY, rows);
    }
}
