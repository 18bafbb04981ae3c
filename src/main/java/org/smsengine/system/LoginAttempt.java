package org.smsengine.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * One try of a user name and password: by whom (as typed, cut to a bounded length: it is the
 * caller's text), from which address, through which door (the console's form or HTTP Basic).
 */
record LoginAttempt(String username, String ip, String channel) {

    static final int LONGEST_NAME = 200;

    static LoginAttempt of(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
        return new LoginAttempt(name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name, ip, channelOfRequest());
    }

    /** The form posts to {@code /login}; every other request that carries a password is HTTP Basic. */
    private static String channelOfRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()) ? "form" : "basic";
        }
        return "basic";
    }

    /** For the log: the caller's text escaped, never able to forge a line. */
    String shown() {
        return "user '" + LogText.escape(username) + "' from " + ip + " (" + channel + ")";
    }
}
