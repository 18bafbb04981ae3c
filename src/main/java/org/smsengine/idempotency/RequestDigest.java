package org.smsengine.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * What tells two requests with one key apart: SHA-256 of the method, the path with its query, the media
 * type (without its parameters: a multipart boundary differs on every try) and a digest of the body. The
 * body's digest depends on its kind: a form is its parameters in order, a multipart body its parts in
 * order (name, file name and a digest of the content each: the bytes between them change with the
 * boundary), any other body its bytes.
 */
final class RequestDigest {

    enum BodyKind { MULTIPART, FORM, BYTES }

    private static final int BUFFER = 64 * 1024;

    private RequestDigest() {
    }

    static BodyKind kindOf(HttpServletRequest request) {
        String type = mediaType(request);
        if (type.equals("multipart/form-data")) {
            return BodyKind.MULTIPART;
        }
        return type.equals("application/x-www-form-urlencoded") ? BodyKind.FORM : BodyKind.BYTES;
    }

    static byte[] of(HttpServletRequest request, String path, byte[] bodyDigest) {
        MessageDigest digest = sha256();
        frame(digest, request.getMethod());
        frame(digest, path);
        frame(digest, mediaType(request));
        frame(digest, bodyDigest);
        return digest.digest();
    }

    /** A form's parameters, in order (the servlet container has parsed them, from the query and the body). */
    static byte[] ofParameters(Map<String, String[]> parameters) {
        MessageDigest digest = sha256();
        parameters.forEach((name, values) -> {
            frame(digest, name);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(values.length).array());
            for (String value : values) {
                frame(digest, value);
            }
        });
        return digest.digest();
    }

    /** Parts in order, each already digested. */
    static MessageDigest partsDigest() {
        return sha256();
    }

    static void addPart(MessageDigest parts, String name, String fileName, byte[] contentDigest) {
        frame(parts, name == null ? "" : name);
        frame(parts, fileName == null ? "\u0000no file" : fileName);
        frame(parts, contentDigest);
    }

    /** The parts the servlet container has (or now) parsed, each read from where it keeps it. */
    static byte[] ofParts(Collection<Part> parts) throws IOException {
        MessageDigest digest = partsDigest();
        for (Part part : parts) {
            try (InputStream content = part.getInputStream()) {
                addPart(digest, part.getName(), part.getSubmittedFileName(), ofStream(content));
            }
        }
        return digest.digest();
    }

    /** Reads {@code in} to its end. */
    static byte[] ofStream(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, n);
        }
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static String mediaType(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return "";
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType() + "/" + type.getSubtype();
        } catch (InvalidMediaTypeException e) {
            return contentType.toLowerCase(Locale.ROOT);
        }
    }

    /** Length-prefixed, so that no two sequences of fields digest alike. */
    private static void frame(MessageDigest digest, String text) {
        frame(digest, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void frame(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
