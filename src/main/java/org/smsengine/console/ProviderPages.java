package org.smsengine.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The providers' page: its table comes from the API; the switch buttons only for a role the security table lets switch. */
@Controller
class ProviderPages {

    private final WebInvocationPrivilegeEvaluator privileges;

    ProviderPages(WebInvocationPrivilegeEvaluator privileges) {
        this.privileges = privileges;
    }

    @GetMapping("/providers")
    String providers(Authentication user, Model model) {
        model.addAttribute("maySwitch", privileges.isAllowed("", "/api/v1/providers/any/disable", "POST", user));
        return "console/providers";
    }
}
