package org.smsengine.idempotency;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;

/**
 * A request whose key has an answer already: its body is read and digested before it is answered,
 * as a stream, never held or spooled. A multipart body is read part by part with the same parser
 * Tomcat parses parts with (its copy of Commons FileUpload, in streaming mode), so that a part reads
 * as it did in the first request.
 */
final class RetriedRequest {

    private RetriedRequest() {
    }

    static byte[] digest(HttpServletRequest request, String path) throws IOException, ServletException {
        byte[] body = switch (RequestDigest.kindOf(request)) {
            case FORM -> RequestDigest.ofParameters(request.getParameterMap());
            case MULTIPART -> parts(request);
            case BYTES -> RequestDigest.ofStream(request.getInputStream());
        };
        return RequestDigest.of(request, path, body);
    }

    private static byte[] parts(HttpServletRequest request) throws IOException, ServletException {
        try {
            FileItemIterator items = new FileUpload().getItemIterator(new ServletRequestContext(request));
            MessageDigest digest = RequestDigest.partsDigest();
            while (items.hasNext()) {
                FileItemStream item = items.next();
                try (InputStream content = item.openStream()) {
                    RequestDigest.addPart(digest, item.getFieldName(), item.getName(), RequestDigest.ofStream(content));
                }
            }
            return digest.digest();
        } catch (IOException e) {
            // the container may have parsed the parts already (a form field was read before this filter),
            // leaving the stream empty: its parts are the body then; a body that is not multipart fails again
            return RequestDigest.ofParts(request.getParts());
        }
    }
}
