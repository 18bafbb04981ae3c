package org.smsengine.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A multipart body stays unparsed until its caller is known. Tomcat parses a multipart body, and
 * spools its parts to disk, as soon as anyone asks for a request parameter; before Spring Security
 * has authenticated the caller, its CSRF filter asks for {@code _csrf} (when the token is not in the
 * header), the login form for its fields, and the error page's dispatch after a refusal for the parts.
 * To a caller not authenticated, a multipart request has no parameters and no parts: refused, its
 * body is never read. Registered before Spring Security's filter, for every dispatch.
 */
final class MultipartAfterAuthentication extends HttpFilter {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(isMultipart(request) ? new UnparsedForStrangers(request) : request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean callerKnown() {
        return TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
    }

    private static final class UnparsedForStrangers extends HttpServletRequestWrapper {

        UnparsedForStrangers(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return callerKnown() ? super.getParameter(name) : null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return callerKnown() ? super.getParameterMap() : Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return callerKnown() ? super.getParameterNames() : Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return callerKnown() ? super.getParameterValues(name) : null;
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            return callerKnown() ? super.getParts() : List.of();
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            return callerKnown() ? super.getPart(name) : null;
        }
    }
}
