package org.smsengine.upload;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads to its end the rest of a body refused as too large (413) when a user sent it, so that a
 * client which reads the answer only after it has sent its whole request (Java's HttpClient, most
 * libraries) gets the 413 rather than a reset connection. Tomcat itself reads little of a refused
 * body ({@code server.tomcat.max-swallow-size}), so a stranger's is not read; a user's costs at most
 * {@code limit} bytes, read and dropped, never stored. A body declared larger than that is answered
 * and left to Tomcat, which closes the connection.
 */
class RefusedUploadDrain extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusedUploadDrain.class);
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final long limit;

    RefusedUploadDrain(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.PAYLOAD_TOO_LARGE.value() && request.getContentLengthLong() <= limit
                && TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
            response.flushBuffer();     // a client reading as it sends has its answer now
            drain(request);
        }
    }

    private void drain(HttpServletRequest request) {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try {
            ServletInputStream in = request.getInputStream();
            int n;
            while (read < limit && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client gave up, or the body was read as text: Tomcat closes the connection instead
            log.debug("The rest of a refused body was not read after {} bytes: {}", read, e.toString());
        }
    }
}
