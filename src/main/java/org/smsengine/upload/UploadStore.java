package org.smsengine.upload;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/**
 * Keeps uploads in PostgreSQL as ordered chunks, so that any node can stream a batch's upload
 * later, and nothing lives only on one node's disk.
 */
@Component
public class UploadStore {

    private final UploadChunkMapper chunks;
    private final int chunkSize;

    UploadStore(UploadChunkMapper chunks, UploadSettings settings) {
        this.chunks = chunks;
        this.chunkSize = (int) settings.chunkSize().toBytes();
    }

    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Stores {@code alreadyRead} (bytes the caller took from the front of the upload and has seen),
     * then the rest of {@code in} chunk by chunk, showing each of those chunks to {@code observer}
     * before it is stored. Returns the upload's size.
     */
    public long store(long batchId, byte[] alreadyRead, InputStream in, ChunkObserver observer) throws IOException {
        return store((seq, data) -> chunks.insert(batchId, seq, data), alreadyRead, in, observer);
    }

    /** As {@link #store(long, byte[], InputStream, ChunkObserver)}, into chunks kept elsewhere (an audience's). */
    public long store(ChunkSink sink, byte[] alreadyRead, InputStream in, ChunkObserver observer) throws IOException {
        int seq = 0;
        long total = alreadyRead.length;
        if (alreadyRead.length > 0) {
            sink.put(seq++, alreadyRead);
        }
        byte[] chunk;
        while ((chunk = in.readNBytes(chunkSize)).length > 0) {
            observer.observe(chunk);
            sink.put(seq++, chunk);
            total += chunk.length;
        }
        return total;
    }

    /** The upload of {@code batchId} as a stream, read from the database one chunk at a time. */
    public InputStream open(long batchId) {
        return open(seq -> {
            UploadChunkMapper.StoredChunk stored = chunks.find(batchId, seq);
            return stored == null ? null : stored.data();
        }, "upload of batch " + batchId);
    }

    /** Chunks kept elsewhere (an audience's) as a stream. */
    public InputStream open(ChunkSource source, String description) {
        return new ChunkInputStream(source, description);
    }

    public interface ChunkObserver {
        void observe(byte[] chunk);
    }

    /** Where chunks are stored, in order from 0. */
    public interface ChunkSink {
        void put(int seq, byte[] data);
    }

    /** Where chunks are read from: the chunk {@code seq}, or null after the last. */
    public interface ChunkSource {
        byte[] get(int seq);
    }

    private final class ChunkInputStream extends InputStream {

        private final ChunkSource source;
        private final String description;
        private int nextSeq;
        private byte[] current = new byte[0];
        private int position;
        private boolean exhausted;

        private ChunkInputStream(ChunkSource source, String description) {
            this.source = source;
            this.description = description;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (position == current.length && !advance()) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, target, off, n);
            position += n;
            return n;
        }

        private boolean advance() {
            while (!exhausted) {
                byte[] next = source.get(nextSeq++);
                if (next == null) {
                    exhausted = true;
                    current = new byte[0];
                } else if (next.length > 0) {
                    current = next;
                    position = 0;
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return description + ", chunk " + (nextSeq - 1) + ", byte " + position;
        }
    }
}
