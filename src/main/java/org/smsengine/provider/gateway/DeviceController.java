package org.smsengine.provider.gateway;

import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The devices of a GATEWAY provider, for operators: register (ADMIN; the key is shown once), list
 * (every role), revoke (ADMIN), and the provider's queue.
 */
@RestController
class DeviceController {

    private static final String DEVICES = "/api/v1/providers/{name}/devices";
    private static final int MAX_NAME_LENGTH = 100;

    private final DeviceRegistry registry;
    private final GatewayProviders providers;

    DeviceController(DeviceRegistry registry, GatewayProviders providers) {
        this.registry = registry;
        this.providers = providers;
    }

    @PostMapping(DEVICES)
    ResponseEntity<RegisteredView> register(@PathVariable String name, @RequestBody(required = false) Registration body,
            Principal user) {
        String deviceName = body == null || body.name() == null ? "" : body.name().strip();
        if (deviceName.isEmpty() || deviceName.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(InputError.field("name", "a device name of 1 to " + MAX_NAME_LENGTH
                    + " characters is required"));
        }
        DeviceRegistry.Registered registered = registry.register(name, deviceName, user.getName());
        DeviceMapper.Device device = registered.device();
        return ResponseEntity.created(URI.create("/api/v1/providers/" + name + "/devices/" + device.id()))
                .body(new RegisteredView(device.id(), device.provider(), device.name(), registered.key(), device.createdAt()));
    }

    @GetMapping(DEVICES)
    List<DeviceView> list(@PathVariable String name) {
        return registry.list(name).stream().map(DeviceView::of).toList();
    }

    @DeleteMapping(DEVICES + "/{id}")
    DeviceRegistry.Revoked revoke(@PathVariable String name, @PathVariable long id, Principal user) {
        return registry.revoke(name, id, user.getName());
    }

    /** The provider's queue and devices now (its health, until providers report one of their own). */
    @GetMapping("/api/v1/providers/{name}/gateway")
    GatewayStatus status(@PathVariable String name) {
        return providers.status(name);
    }

    record Registration(String name) {
    }

    /** A device just registered: {@code key} is shown here and never again (only its hash is kept). */
    record RegisteredView(long id, String provider, String name, String key, OffsetDateTime createdAt) {
    }

    record DeviceView(long id, String name, boolean enabled, OffsetDateTime createdAt, String createdBy,
            OffsetDateTime lastSeen, OffsetDateTime revokedAt, long leased, long sent, long failed) {

        static DeviceView of(DeviceMapper.Device d) {
            return new DeviceView(d.id(), d.name(), d.enabled(), d.createdAt(), d.createdBy(), d.lastSeenAt(),
                    d.revokedAt(), d.leased(), d.sent(), d.failed());
        }
    }
}
