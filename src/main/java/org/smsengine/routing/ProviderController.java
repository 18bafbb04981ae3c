package org.smsengine.routing;

import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/providers}: every role reads them; ADMIN disables or enables one (SecurityConfiguration). */
@RestController
@RequestMapping("/api/v1/providers")
class ProviderController {

    private final ProviderDesk desk;

    ProviderController(ProviderDesk desk) {
        this.desk = desk;
    }

    /** Why a provider is switched: optional, kept in the audit. */
    record SwitchRequest(String reason) {
    }

    @GetMapping
    List<ProviderView> all() {
        return desk.all();
    }

    @GetMapping("/{name}")
    ProviderView one(@PathVariable String name) {
        return desk.view(name);
    }

    @PostMapping("/{name}/disable")
    ProviderView disable(@PathVariable String name, @RequestBody(required = false) SwitchRequest request, Principal user) {
        return desk.switchTo(name, false, user.getName(), request == null ? null : request.reason());
    }

    @PostMapping("/{name}/enable")
    ProviderView enable(@PathVariable String name, @RequestBody(required = false) SwitchRequest request, Principal user) {
        return desk.switchTo(name, true, user.getName(), request == null ? null : request.reason());
    }
}
