package org.smsengine.idempotency;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** The filter, right after Spring Security's (a key belongs to the authenticated caller), and its OpenAPI header. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(keys, resolver));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Every POST and PATCH of the API takes the optional header (the provider callbacks are not in the document's scope of keys). */
    @Bean
    OpenApiCustomizer idempotencyKeyHeader() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (!path.matches("/api/v1/(providers/[^/]+/receipts|gateway(/.*)?)")) {
                Stream.of(item.getPost(), item.getPatch()).filter(operation -> operation != null)
                        .forEach(IdempotencyConfiguration::addHeader);
            }
        });
    }

    private static void addHeader(Operation operation) {
        operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x20-\\x7E]+$"))
                .description("Makes the request safe to retry: the same key with the same request within "
                        + "sms.idempotency.keep (24 h) returns the first answer again, with Idempotent-Replayed: true; "
                        + "with another request, 422 idempotency_key_reused; while the first runs, 409 with Retry-After. "
                        + "A 5xx is not kept. Keys are the caller's own."));
    }
}
