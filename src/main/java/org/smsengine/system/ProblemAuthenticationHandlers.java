package org.smsengine.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 as problem details, like every other error of the API. */
@Component
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Sent by the console's scripts with every call they make to the API. */
    static final String CONSOLE_HEADER = "X-Console";

    private final ObjectMapper json;

    ProblemAuthenticationHandlers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!fromBrowser(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sms-engine\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "Authentication is required: use HTTP Basic with a configured user");
    }

    /**
     * Whether a browser sent the request: a browser asked for Basic credentials shows its password
     * dialog, and keeps what is typed there for every later request to the engine, those another site
     * makes it send included. The console's scripts say so ({@value #CONSOLE_HEADER}); its progress
     * stream, which cannot, comes with the session's cookie; a browser's navigation or fetch names a
     * browser as its agent (every browser's starts {@code Mozilla/}), and over HTTPS carries the
     * {@code Sec-Fetch-*} headers too. A program that calls itself a browser only misses the challenge.
     */
    private static boolean fromBrowser(HttpServletRequest request) {
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        return request.getHeader(CONSOLE_HEADER) != null || request.getRequestedSessionId() != null
                || request.getHeader("Sec-Fetch-Mode") != null || agent != null && agent.startsWith("Mozilla/");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Your role may not " + request.getMethod() + " " + request.getRequestURI());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
