package org.smsengine.upload;

import java.io.Closeable;
import java.io.IOException;

/** Reads an upload row by row, in order, in constant memory. */
public interface RecordSource extends Closeable {

    /** The next row, or null after the last one. */
    SourceRecord next() throws IOException;

    /** How many bytes of the upload have been consumed so far (read-ahead included). */
    long bytesRead();
}
