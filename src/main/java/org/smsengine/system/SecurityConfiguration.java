package org.smsengine.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: the roles of API.md ("Downloads and roles"), the one table for the API and the
 * console alike. Programs use HTTP Basic and hold no session; people log in to the console with a
 * form and hold one (its pages call the same API with it). A change made by a logged-in session needs
 * the session's CSRF token, whatever other headers it carries: a browser sends the cookie, and any
 * Basic credentials it keeps, with requests another site makes it send. Health and the OpenAPI
 * documents are public; everything else needs a user, and whatever the table does not name is ADMIN's.
 *
 * <p>What browsers are told besides: a Content-Security-Policy that runs only the engine's own script
 * files (the console has no inline script, handler or style attribute), the referrer kept on this
 * site; and no multipart body is parsed for a caller not yet known ({@link MultipartAfterAuthentication}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String MARKETER = Role.MARKETER.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String APPROVER = Role.APPROVER.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String METRICS = Role.METRICS.name();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** Where a logged-in person's authentication is kept (Spring Security's default place). */
    private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();
    /** The engine's own files only: no inline script or style, no eval, no plug-in, no framing; forms post only here. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /**
     * Swagger UI's: its script adds a {@code <style>} element of its own, and its stylesheet draws icons
     * as {@code data:} images. Inline styles there, never an inline script.
     */
    private static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final RequestMatcher SWAGGER_UI = request -> startsWithAny(request, "/swagger-ui/");
    /** Programs' requests: answered with problem details, never sent to the login page. */
    private static final RequestMatcher PROGRAMS = request -> startsWithAny(request, "/api/", "/actuator", "/v3/", "/error");
    /** The console's pages: a person not logged in is sent to the login page, and brought back after it. */
    private static final RequestMatcher CONSOLE_PAGES = request -> "GET".equals(request.getMethod())
            && !PROGRAMS.matches(request) && !startsWithAny(request, "/css/", "/js/", "/webjars/", "/favicon");

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems) throws Exception {
        HttpSessionRequestCache consoleOnly = new HttpSessionRequestCache();
        consoleOnly.setRequestMatcher(CONSOLE_PAGES);     // an API call refused never makes a session
        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .httpBasic(basic -> basic.authenticationEntryPoint(LoginRefusals.basic(problems)))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(LoginRefusals.form()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .requestCache(cache -> cache.requestCache(consoleOnly))
                .exceptionHandling(handling -> handling
                        .defaultAuthenticationEntryPointFor(problems, PROGRAMS)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(problems, PROGRAMS)
                        .defaultAccessDeniedHandlerFor((request, response, denied) -> response.sendError(403),
                                AnyRequestMatcher.INSTANCE))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // the console: its login page and static files are public; its pages are every role's
                        // but the scraper's, and each page shows only what the role may do (new batch: MARKETER)
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.GET, "/batches/new", "/campaigns/new", "/audiences/new").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/", "/batches/**", "/campaigns/**", "/audiences/**", "/opt-outs/**",
                                "/inbound/**", "/providers", "/cluster").hasAnyRole(MARKETER, OPERATOR, APPROVER, ADMIN)
                        // the metrics: ADMIN, or a scraper's account with only METRICS
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(ADMIN, METRICS)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .permitAll()
                        .requestMatchers("/error").permitAll()
                        // providers calling in: an HTTP provider's receipts (verified by its signature) and gateway
                        // devices (each by its own key) authenticate themselves, not with an engine account
                        .requestMatchers(HttpMethod.POST, "/api/v1/providers/*/receipts").permitAll()
                        .requestMatchers("/api/v1/gateway/**").permitAll()
                        // the providers: enabling, disabling, registering a gateway device: ADMIN
                        .requestMatchers(HttpMethod.POST, "/api/v1/providers/**").hasRole(ADMIN)
                        // creating and changing what is sent: MARKETER, ADMIN
                        .requestMatchers(HttpMethod.POST, "/api/v1/batches", "/api/v1/audiences", "/api/v1/campaigns")
                                .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/batches/*").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/campaigns/*").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/campaigns/*").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/campaigns/*/enable", "/api/v1/campaigns/*/disable")
                                .hasAnyRole(MARKETER, ADMIN)
                        // the opt-out list: every role adds to it (and reads it, below); removing a number and
                        // exporting the whole list: ADMIN
                        .requestMatchers(HttpMethod.POST, "/api/v1/opt-outs").hasAnyRole(MARKETER, OPERATOR, APPROVER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/opt-outs/export").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/opt-outs/*").hasRole(ADMIN)
                        // review before launch: approving or rejecting, APPROVER, ADMIN (never the batch's creator:
                        // BatchLifecycle); a test-send to seed numbers, APPROVER (a batch under review only:
                        // review.TestSendRights), ADMIN
                        .requestMatchers(HttpMethod.POST, "/api/v1/batches/*/approve", "/api/v1/batches/*/reject")
                                .hasAnyRole(APPROVER, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/batches/*/test-send").hasAnyRole(APPROVER, ADMIN)
                        // operating it: a batch's actions, a campaign fired by hand: OPERATOR, ADMIN
                        .requestMatchers(HttpMethod.POST, "/api/v1/batches/*/*", "/api/v1/campaigns/*/run")
                                .hasAnyRole(OPERATOR, ADMIN)
                        // receipts set aside because the database would not take them: carriers' raw data, ADMIN
                        .requestMatchers(HttpMethod.GET, "/api/v1/receipts/quarantine").hasRole(ADMIN)
                        // the messages handsets sent: every role reads them (phones masked below ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/inbound").hasAnyRole(MARKETER, OPERATOR, APPROVER, ADMIN)
                        // reading: every role
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(MARKETER, OPERATOR, APPROVER, ADMIN)
                        // anything else (deleting an audience, the actuator, ...): ADMIN
                        .anyRequest().hasRole(ADMIN))
                .headers(headers -> headers
                        .addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
                                SWAGGER_UI.matches(request) ? SWAGGER_UI_POLICY : CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * A change made where a logged-in session would authorize it needs the session's token, whatever
     * else the request carries (an {@code Authorization} header proves nothing about who made the
     * browser send it). Not an API call without a logged-in session: a program's, with HTTP Basic, or
     * one refused 401 as anonymous anyway (a program must hear that, not about a token); the login and
     * logout forms always (no logging a browser in to someone else's account).
     */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        return !PROGRAMS.matches(request) || SESSIONS.containsContext(request);
    }

    private static boolean startsWithAny(HttpServletRequest request, String... prefixes) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Before Spring Security's filter, so that nothing in it can parse a stranger's multipart body. */
    @Bean
    FilterRegistrationBean<MultipartAfterAuthentication> multipartAfterAuthentication() {
        var registration = new FilterRegistrationBean<>(new MultipartAfterAuthentication());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
