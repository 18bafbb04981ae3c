package org.smsengine.pipeline.preparation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.CounterSlots;
import org.smsengine.message.MessageStore;
import org.smsengine.message.PreparedMessage;
import org.smsengine.progress.ProgressPublisher;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/** Stores a chunk of prepared messages (pages of them) by COPY and moves the batch's counters once. */
class PreparedMessageWriter implements ItemWriter<List<PreparedMessage>> {

    private final long batchId;
    private final int partitionNo;
    private final MessageStore messages;
    private final BatchMapper batches;
    private final ProgressPublisher progress;

    PreparedMessageWriter(long batchId, int partitionNo, MessageStore messages, BatchMapper batches,
            ProgressPublisher progress) {
        this.batchId = batchId;
        this.partitionNo = partitionNo;
        this.messages = messages;
        this.batches = batches;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends List<PreparedMessage>> chunk) {
        List<PreparedMessage> all = new ArrayList<>();
        chunk.forEach(all::addAll);
        if (all.isEmpty()) {
            return;     // the reader's empty page of a partition stopping here
        }
        messages.insertPrepared(batchId, partitionNo, all);
        long segments = 0;
        for (PreparedMessage message : all) {
            segments += message.encoded().segments();
        }
        progress.publish(batches.addCounts(batchId, CounterSlots.partition(partitionNo), BatchCounts.prepared(all.size()), segments, 0,
                BigDecimal.ZERO));
    }
}
