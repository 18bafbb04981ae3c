package org.smsengine.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;

/**
 * Spring Boot's error page, which the server forwards to when an error escapes everything else.
 * Asked for directly ({@code GET /error}) there is no error to show: that is a page not found, where
 * Spring Boot's own answers 500.
 */
@Controller
class ErrorPageController extends BasicErrorController {

    ErrorPageController(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> resolvers) {
        super(errorAttributes, server.getError(), resolvers);
    }

    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        return request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE) == null ? HttpStatus.NOT_FOUND
                : super.getStatus(request);
    }
}
