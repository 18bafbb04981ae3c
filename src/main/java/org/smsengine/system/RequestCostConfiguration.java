package org.smsengine.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What every API request pays for beyond its own work, kept small. Spring Security observes each of
 * its filters, every authentication and every authorization when an observation registry is present
 * (the actuator's): a timer started and stopped per filter per request, 14% of a request thread's time
 * under load. The engine's requests are observed once, whole ({@code http.server.requests}); Spring
 * Security's own observations are off (and so are its {@code spring.security.*} metrics).
 */
@Configuration(proxyBeanMethods = false)
class RequestCostConfiguration {

    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
