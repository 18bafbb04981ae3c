package org.smsengine.upload;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Size limits of batch creation. Multipart parts always go to a temporary file (threshold 0), so
 * an upload never sits in the heap; a JSON body over its limit is refused before it is parsed.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitsConfiguration {

    /** Room for the form fields that travel with the file. */
    private static final long FORM_FIELDS_ALLOWANCE = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(UploadSettings settings) {
        long maxFile = settings.maxSize().toBytes();
        return new MultipartConfigElement(null, maxFile, maxFile + FORM_FIELDS_ALLOWANCE, 0);
    }

    @Bean
    FilterRegistrationBean<JsonBodyLimitFilter> jsonBodyLimit(UploadSettings settings,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        var registration = new FilterRegistrationBean<>(new JsonBodyLimitFilter(settings.maxJsonSize().toBytes(), resolver));
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }
}
