package org.smsengine.idempotency;

import jakarta.servlet.http.Part;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Collection;

/**
 * A part of the first request's multipart body: its content is digested as the handler streams it (an
 * upload is read once, not once more for the digest); a part the handler did not read to its end (a
 * form field, an upload refused early) is read from where the container keeps it, at the latest when the
 * part is deleted.
 */
final class DigestingPart implements Part {

    private final Part part;
    private byte[] known;

    DigestingPart(Part part) {
        this.part = part;
    }

    byte[] contentDigest() throws IOException {
        if (known != null) {
            return known;
        }
        try (InputStream content = part.getInputStream()) {
            return RequestDigest.ofStream(content);
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new Digesting(part.getInputStream());
    }

    @Override
    public String getContentType() {
        return part.getContentType();
    }

    @Override
    public String getName() {
        return part.getName();
    }

    @Override
    public String getSubmittedFileName() {
        return part.getSubmittedFileName();
    }

    @Override
    public long getSize() {
        return part.getSize();
    }

    @Override
    public void write(String fileName) throws IOException {
        part.write(fileName);
    }

    /** Spring MVC deletes the parts when its handler is done, before the digest is taken: taken here first. */
    @Override
    public void delete() throws IOException {
        try {
            known = contentDigest();
        } finally {
            part.delete();
        }
    }

    @Override
    public String getHeader(String name) {
        return part.getHeader(name);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return part.getHeaders(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
        return part.getHeaderNames();
    }

    /** One reading of the content from its start; read to its end, it gives the part its digest. */
    private final class Digesting extends FilterInputStream {

        private final MessageDigest digest = RequestDigest.sha256();

        Digesting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
            } else {
                ended();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                digest.update(buffer, off, n);
            } else if (n < 0) {
                ended();
            }
            return n;
        }

        /** Skipped bytes are read, so that the digest sees them. */
        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void ended() {
            if (known == null) {
                known = digest.digest();
            }
        }
    }
}
