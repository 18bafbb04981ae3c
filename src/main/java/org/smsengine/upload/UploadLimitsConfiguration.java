package org.smsengine.upload;

import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Size limits of batch creation. Multipart parts always go to a temporary file (threshold 0), so
 * an upload never sits in the heap; a JSON body over its limit is refused before it is parsed, and
 * Jackson itself refuses any one document larger than that limit, nested deeper than
 * {@value #MAX_JSON_NESTING} or with a string longer than the limit, whatever door it came in by.
 * A user whose upload is refused as too large still reads the 413 ({@link RefusedUploadDrain}).
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitsConfiguration {

    /** The engine's JSON is a few levels deep; a deeper document is an attack on the parser's stack. */
    static final int MAX_JSON_NESTING = 64;

    /** Room for the form fields that travel with the file. */
    private static final long FORM_FIELDS_ALLOWANCE = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(UploadSettings settings) {
        long maxFile = settings.maxSize().toBytes();
        return new MultipartConfigElement(null, maxFile, maxFile + FORM_FIELDS_ALLOWANCE, 0);
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits(UploadSettings settings) {
        long maxDocument = settings.maxJsonSize().toBytes();
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxDocumentLength(maxDocument)
                .maxStringLength((int) Math.min(maxDocument, Integer.MAX_VALUE))
                .maxNestingDepth(MAX_JSON_NESTING)
                .build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(limits));
    }

    @Bean
    FilterRegistrationBean<JsonBodyLimitFilter> jsonBodyLimit(UploadSettings settings,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        var registration = new FilterRegistrationBean<>(new JsonBodyLimitFilter(settings.maxJsonSize().toBytes(), resolver));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /**
     * Outside the JSON limit (it reads the body as it came), inside Spring Security (it knows the caller).
     * A body up to twice the largest one accepted is read to its end: an upload a little over the limit.
     */
    @Bean
    FilterRegistrationBean<RefusedUploadDrain> refusedUploadDrain(UploadSettings settings) {
        long largest = Math.max(settings.maxSize().toBytes() + FORM_FIELDS_ALLOWANCE, settings.maxJsonSize().toBytes());
        var registration = new FilterRegistrationBean<>(new RefusedUploadDrain(2 * largest));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return registration;
    }
}
