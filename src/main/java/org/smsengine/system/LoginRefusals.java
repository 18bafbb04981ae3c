package org.smsengine.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * How a login locked out is answered: 429 with {@code Retry-After}, to a program (HTTP Basic) as a
 * problem detail, to a person (the console's form) as the login page saying so. Every other refusal
 * is answered as before, by the handler given.
 */
final class LoginRefusals {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoginRefusals() {
    }

    /** HTTP Basic: a lock-out as 429; any other failure as {@code others} answers it. */
    static AuthenticationEntryPoint basic(AuthenticationEntryPoint others) {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "about:blank");
                problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
                problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
                problem.put("detail", throttled.getMessage());
                problem.put("instance", request.getRequestURI());
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                JSON.writeValue(response.getOutputStream(), problem);
            } else {
                others.commence(request, response, e);
            }
        };
    }

    /** The form: a lock-out shows the login page again with 429 and the wait; a wrong password goes back to it. */
    static AuthenticationFailureHandler form() {
        AuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                request.setAttribute("throttled", throttled.getMessage());
                request.getRequestDispatcher("/login").forward(asPageRequest(request), response);
            } else {
                wrong.onAuthenticationFailure(request, response, e);
            }
        };
    }

    /** The login page is read with GET; the form was posted. */
    private static HttpServletRequest asPageRequest(HttpServletRequest posted) {
        return new HttpServletRequestWrapper(posted) {
            @Override
            public String getMethod() {
                return "GET";
            }
        };
    }
}
