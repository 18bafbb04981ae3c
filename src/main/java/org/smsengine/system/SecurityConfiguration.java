package org.smsengine.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: the roles of API.md ("Downloads and roles"), the one table for the API and the
 * console alike. Programs use HTTP Basic and hold no session; people log in to the console with a
 * form and hold one (its pages call the same API with it). A request that carries credentials of its
 * own needs no CSRF token (no other site can make a browser send them); one that rides on the
 * session does. Health and the OpenAPI documents are public; everything else needs a user, and
 * whatever the table does not name is ADMIN's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String MARKETER = Role.MARKETER.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String APPROVER = Role.APPROVER.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String METRICS = Role.METRICS.name();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
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
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
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
                .headers(Customizer.withDefaults());
        return http.build();
    }

    /**
     * A change made with the session's authority needs the session's token. Not a program's call with
     * credentials of its own (HTTP Basic), nor an API call without a session (it is refused 401 as
     * anonymous anyway, and a program must hear that, not about a token); the login and logout forms
     * always (no logging a browser in to someone else's account).
     */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader("Authorization") != null) {
            return false;
        }
        return !PROGRAMS.matches(request) || request.getRequestedSessionId() != null;
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

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
