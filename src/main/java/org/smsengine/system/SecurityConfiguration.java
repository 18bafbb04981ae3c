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
 * HTTP Basic, stateless, with the three roles of API.md. Health and the OpenAPI documents are
 * public; everything else needs a user.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String MARKETER = Role.MARKETER.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/batches").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/batches/*/*").hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/batches/*").hasAnyRole(MARKETER, OPERATOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/campaigns/*/run").hasAnyRole(MARKETER, OPERATOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/audiences", "/api/v1/campaigns").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/audiences/*").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/campaigns/**").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/campaigns/*").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/campaigns/*").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(MARKETER, OPERATOR, ADMIN)
                        .anyRequest().hasRole(ADMIN))
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
