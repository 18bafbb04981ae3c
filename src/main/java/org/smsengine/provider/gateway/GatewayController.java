package org.smsengine.provider.gateway;

import java.util.List;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the phones call: pull messages, report outcomes. No engine account: each device authenticates
 * with its own key ({@code X-Device-Key}); any node answers, the queue being in the database.
 */
@RestController
@RequestMapping("/api/v1/gateway")
class GatewayController {

    static final String KEY_HEADER = "X-Device-Key";

    private final DeviceRegistry registry;
    private final Leases leases;
    private final Reports reports;
    private final GatewayProviders providers;

    GatewayController(DeviceRegistry registry, Leases leases, Reports reports, GatewayProviders providers) {
        this.registry = registry;
        this.leases = leases;
        this.reports = reports;
        this.providers = providers;
    }

    /** Leases up to {@code max} messages (the provider's max-per-pull when not given) to the calling device. */
    @PostMapping("/pull")
    List<PulledMessage> pull(@RequestHeader(name = KEY_HEADER, required = false) String key,
            @RequestParam(required = false) Integer max) {
        DeviceMapper.Caller device = registry.authenticate(key);
        if (max != null && max < 1) {
            throw new InvalidInputException(InputError.field("max", "at least 1"));
        }
        return leases.pull(device, max == null ? providers.require(device.provider()).maxPerPull() : max);
    }

    @PostMapping("/report")
    ReportAnswer report(@RequestHeader(name = KEY_HEADER, required = false) String key,
            @RequestBody(required = false) List<ReportItem> items) {
        return reports.report(registry.authenticate(key), items);
    }
}
