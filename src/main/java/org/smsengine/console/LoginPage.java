package org.smsengine.console;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPage {

    /** The form Spring Security's form login posts from; a person already logged in goes to the batches. */
    @GetMapping("/login")
    String login(Authentication user) {
        return user == null || user instanceof AnonymousAuthenticationToken ? "console/login" : "redirect:/";
    }
}
