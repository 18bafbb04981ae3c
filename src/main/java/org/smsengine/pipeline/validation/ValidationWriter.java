package org.smsengine.pipeline.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.CountDelta;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.recipient.RecipientMapper;
import org.smsengine.recipient.RejectReason;
import org.smsengine.recipient.RejectRow;
import org.smsengine.recipient.RejectStore;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/**
 * Writes a chunk of validated rows in its one transaction: opt-outs are looked up for the whole
 * chunk at once; recipients go in with one statement that leaves out numbers the batch already
 * has (those are the duplicates); rejects go in by COPY; the batch's counters move once.
 */
class ValidationWriter implements ItemWriter<ValidatedRow> {

    private final long batchId;
    private final UploadRecordReader reader;
    private final RecipientMapper recipients;
    private final RejectStore rejects;
    private final BatchMapper batches;
    private final ProgressPublisher progress;

    ValidationWriter(long batchId, UploadRecordReader reader, RecipientMapper recipients, RejectStore rejects,
            BatchMapper batches, ProgressPublisher progress) {
        this.batchId = batchId;
        this.reader = reader;
        this.recipients = recipients;
        this.rejects = rejects;
        this.batches = batches;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends ValidatedRow> chunk) {
        List<ValidatedRow.Accepted> accepted = new ArrayList<>();
        List<RejectRow> rejected = new ArrayList<>();
        for (ValidatedRow row : chunk) {
            if (row instanceof ValidatedRow.Accepted valid) {
                accepted.add(valid);
            } else {
                rejected.add(((ValidatedRow.Rejected) row).toRejectRow());
            }
        }
        List<ValidatedRow.Accepted> notOptedOut = withoutOptOuts(accepted, rejected);
        long inserted = insertFindingDuplicates(notOptedOut, rejected);
        rejected.sort((a, b) -> Integer.compare(a.rowNo(), b.rowNo()));
        rejects.insert(batchId, rejected);
        progress.publish(batches.addCounts(batchId, delta(chunk.size(), inserted, rejected)));
    }

    private List<ValidatedRow.Accepted> withoutOptOuts(List<ValidatedRow.Accepted> accepted, List<RejectRow> rejected) {
        if (accepted.isEmpty()) {
            return accepted;
        }
        Set<String> optedOut = new HashSet<>(recipients.findOptedOut(
                accepted.stream().map(ValidatedRow.Accepted::e164).toArray(String[]::new)));
        if (optedOut.isEmpty()) {
            return accepted;
        }
        List<ValidatedRow.Accepted> remaining = new ArrayList<>(accepted.size());
        for (ValidatedRow.Accepted row : accepted) {
            if (optedOut.contains(row.e164())) {
                rejected.add(row.rejectAs(RejectReason.OPTED_OUT));
            } else {
                remaining.add(row);
            }
        }
        return remaining;
    }

    private long insertFindingDuplicates(List<ValidatedRow.Accepted> rows, List<RejectRow> rejected) {
        if (rows.isEmpty()) {
            return 0;
        }
        Integer[] rowNos = new Integer[rows.size()];
        String[] phones = new String[rows.size()];
        String[] vars = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            rowNos[i] = rows.get(i).source().rowNo();
            phones[i] = rows.get(i).e164();
            vars[i] = rows.get(i).varsJson();
        }
        Set<Integer> inserted = new HashSet<>(recipients.insertNew(batchId, rowNos, phones, vars));
        for (ValidatedRow.Accepted row : rows) {
            if (!inserted.contains(row.source().rowNo())) {
                rejected.add(row.rejectAs(RejectReason.DUPLICATE));
            }
        }
        return inserted.size();
    }

    private CountDelta delta(long rows, long valid, List<RejectRow> rejected) {
        long invalid = rejected.stream().filter(r -> r.reason().countsAsInvalid()).count();
        long duplicates = rejected.stream().filter(r -> r.reason() == RejectReason.DUPLICATE).count();
        long optedOut = rejected.stream().filter(r -> r.reason() == RejectReason.OPTED_OUT).count();
        return new CountDelta(rows, valid, invalid, duplicates, optedOut, 0, 0, reader.bytesRead());
    }
}
