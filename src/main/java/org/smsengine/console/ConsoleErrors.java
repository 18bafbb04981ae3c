package org.smsengine.console;

import jakarta.servlet.http.HttpServletResponse;
import org.smsengine.system.InvalidInputException;
import org.smsengine.system.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page that cannot be shown (a batch that does not exist, a page number out of range) answers a
 * person with a page saying so, not with the API's problem JSON; before the API's advice, for the
 * console's pages only.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler
    String notFound(NotFoundException e, HttpServletResponse response, Model model) {
        return page(404, e.getMessage(), response, model);
    }

    @ExceptionHandler
    String invalid(InvalidInputException e, HttpServletResponse response, Model model) {
        return page(400, e.getMessage(), response, model);
    }

    private static String page(int status, String detail, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", detail);
        return "error";
    }
}
