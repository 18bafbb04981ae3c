package org.smsengine.pipeline.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.smsengine.upload.RecordSource;
import org.smsengine.upload.SourceRecord;

/**
 * Reads rows ahead of the chunk loop and checks them in parallel, in order. Parsing is sequential
 * by nature, so one thread parses the upload into blocks; the validation pool checks blocks side by
 * side (phone validation is the costly part); the consumer takes finished blocks in file order. The
 * queue of blocks is bounded, so memory stays constant; checking goes on while the previous chunk is
 * being written to the database.
 */
final class CheckedRows implements AutoCloseable {

    private final RecordSource source;
    private final Function<SourceRecord, ValidatedRow> check;
    private final ExecutorService pool;
    private final int blockSize;
    private final BlockingQueue<Future<Block>> blocks;
    private final Thread parser;
    private boolean finished;
    private volatile boolean closed;

    CheckedRows(RecordSource source, Function<SourceRecord, ValidatedRow> check, ExecutorService pool, int blockSize,
            int blocksAhead) {
        // blocks of exactly blockSize rows (the last may be shorter): a restart relies on it
        this.source = source;
        this.check = check;
        this.pool = pool;
        this.blockSize = blockSize;
        this.blocks = new ArrayBlockingQueue<>(blocksAhead);
        this.parser = new Thread(this::parse, "row-parser");
        parser.setDaemon(true);
        parser.start();
    }

    /** The next block of checked rows in file order, or null after the last. */
    RowBlock next() throws Exception {
        if (finished) {
            return null;
        }
        Block block = take();
        finished = block.last();
        return block.rows().rows().isEmpty() ? null : block.rows();
    }

    private Block take() throws Exception {
        try {
            return blocks.take().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void parse() {
        try {
            boolean last = false;
            while (!last && !closed) {
                List<SourceRecord> records = new ArrayList<>(blockSize);
                SourceRecord record;
                while (records.size() < blockSize && (record = source.next()) != null) {
                    records.add(record);
                }
                last = records.size() < blockSize;
                long bytesRead = source.bytesRead();
                boolean isLast = last;
                blocks.put(pool.submit(() -> new Block(new RowBlock(records.stream().map(check).toList(), bytesRead), isLast)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            handOver(e);
        }
    }

    /** The consumer must learn of the failure: it waits for a block, so this waits for room in the queue. */
    private void handOver(Throwable failure) {
        try {
            blocks.put(CompletableFuture.failedFuture(failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        parser.interrupt();
        blocks.forEach(block -> block.cancel(true));
        blocks.clear();
    }

    private record Block(RowBlock rows, boolean last) {
    }
}
