package org.smsengine.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic, stateless, with the roles of API.md ("Downloads and roles"): the one table of who may
 * call what. Health and the OpenAPI documents are public; everything else needs a user, and whatever
 * the table does not name is ADMIN's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String MARKETER = Role.MARKETER.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String APPROVER = Role.APPROVER.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String METRICS = Role.METRICS.name();

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // the metrics: ADMIN, or a scraper's account with only METRICS
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(ADMIN, METRICS)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .permitAll()
                        .requestMatchers("/error").permitAll()
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
                        // BatchLifecycle); a test-send to seed numbers, its maker and its checker
                        .requestMatchers(HttpMethod.POST, "/api/v1/batches/*/approve", "/api/v1/batches/*/reject")
                                .hasAnyRole(APPROVER, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/batches/*/test-send").hasAnyRole(MARKETER, APPROVER, ADMIN)
                        // operating it: a batch's actions, a campaign fired by hand: OPERATOR, ADMIN
                        .requestMatchers(HttpMethod.POST, "/api/v1/batches/*/*", "/api/v1/campaigns/*/run")
                                .hasAnyRole(OPERATOR, ADMIN)
                        // the messages handsets sent: every role reads them (phones masked below ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/inbound").hasAnyRole(MARKETER, OPERATOR, APPROVER, ADMIN)
                        // reading: every role
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(MARKETER, OPERATOR, APPROVER, ADMIN)
                        // anything else (deleting an audience, the actuator, ...): ADMIN
                        .anyRequest().hasRole(ADMIN))
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
