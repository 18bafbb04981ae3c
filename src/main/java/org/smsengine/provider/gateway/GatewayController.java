package org.smsengine.provider.gateway;

import java.util.List;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the phones call: pull messages, report outcomes. No engine account: each device authenticates
 * with its own key ({@code X-Device-Key}, checked by {@link DeviceAuthentication} first); any node
 * answers, the queue being in the database.
 */
@RestController
@RequestMapping("/api/v1/gateway")
class GatewayController {

    private final Leases leases;
    private final Reports reports;
    private final GatewayProviders providers;

    GatewayController(Leases leases, Reports reports, GatewayProviders providers) {
        this.leases = leases;
        this.reports = reports;
        this.providers = providers;
    }

    /** Leases up to {@code max} messages (the provider's max-per-pull when not given) to the calling device. */
    @PostMapping("/pull")
    List<PulledMessage> pull(@RequestAttribute(DeviceAuthentication.DEVICE) DeviceMapper.Caller device,
            @RequestParam(required = false) Integer max) {
        if (max != null && max < 1) {
            throw new InvalidInputException(InputError.field("max", "at least 1"));
        }
        return leases.pull(device, max == null ? providers.require(device.provider()).maxPerPull() : max);
    }

    @PostMapping("/report")
    ReportAnswer report(@RequestAttribute(DeviceAuthentication.DEVICE) DeviceMapper.Caller device,
            @RequestBody(required = false) List<ReportItem> items) {
        return reports.report(device, items);
    }
}
