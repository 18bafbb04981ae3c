package org.smsengine.provider.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks the device's key before anything else of its call is read: a caller without a valid key
 * hears 401, whatever its body holds. The device it names is handed to the controller as a request
 * attribute.
 */
@Configuration(proxyBeanMethods = false)
class DeviceAuthentication implements WebMvcConfigurer, HandlerInterceptor {

    static final String KEY_HEADER = "X-Device-Key";
    static final String DEVICE = "org.smsengine.provider.gateway.device";

    private final DeviceRegistry registry;

    DeviceAuthentication(DeviceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        interceptors.addInterceptor(this).addPathPatterns("/api/v1/gateway/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(DEVICE, registry.authenticate(request.getHeader(KEY_HEADER)));
        return true;
    }
}
