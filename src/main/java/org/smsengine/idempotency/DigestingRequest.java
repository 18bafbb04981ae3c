package org.smsengine.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The first request with a key, digested as its handler reads it: the body's bytes pass through a
 * digest on their way, and each multipart part's content when it is read to its end. Nothing is held
 * or written anywhere for the digest's sake; {@link #finish} reads only what the handler left.
 */
final class DigestingRequest extends HttpServletRequestWrapper {

    private final RequestDigest.BodyKind kind;
    private DigestingStream body;
    private BufferedReader reader;
    private List<DigestingPart> parts;

    DigestingRequest(HttpServletRequest request) {
        super(request);
        this.kind = RequestDigest.kindOf(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (kind != RequestDigest.BodyKind.BYTES) {
            return super.getInputStream();
        }
        if (body == null) {
            body = new DigestingStream(super.getInputStream());
        }
        return body;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (kind != RequestDigest.BodyKind.BYTES) {
            return super.getReader();
        }
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        if (kind != RequestDigest.BodyKind.MULTIPART) {
            return super.getParts();
        }
        if (parts == null) {
            List<DigestingPart> wrapped = new ArrayList<>();
            for (Part part : super.getParts()) {
                wrapped.add(new DigestingPart(part));
            }
            parts = wrapped;
        }
        return List.copyOf(parts);
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        for (Part part : getParts()) {
            if (part.getName().equals(name)) {
                return part;
            }
        }
        return null;
    }

    /** The request's digest, after its handler: what the handler did not read of the body is read now. */
    byte[] finish(String path) throws IOException, ServletException {
        byte[] bodyDigest = switch (kind) {
            case FORM -> RequestDigest.ofParameters(getParameterMap());
            case MULTIPART -> {
                MessageDigest digest = RequestDigest.partsDigest();
                getParts();
                for (DigestingPart part : parts) {
                    RequestDigest.addPart(digest, part.getName(), part.getSubmittedFileName(), part.contentDigest());
                }
                yield digest.digest();
            }
            case BYTES -> {
                getInputStream();
                yield body.drain();
            }
        };
        return RequestDigest.of(this, path, bodyDigest);
    }

    /** The body on its way to the handler, through the digest. Closing it leaves the body for {@link #drain}. */
    private static final class DigestingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final MessageDigest digest = RequestDigest.sha256();

        DigestingStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) {
                digest.update(buffer, off, n);
            }
            return n;
        }

        @Override
        public void close() {
            // the container closes the body at the end of the request; until then drain() may read the rest
        }

        byte[] drain() throws IOException {
            byte[] buffer = new byte[64 * 1024];
            while (read(buffer, 0, buffer.length) >= 0) {
                // through the digest
            }
            return digest.digest();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
