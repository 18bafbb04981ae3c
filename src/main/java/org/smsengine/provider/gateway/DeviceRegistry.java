package org.smsengine.provider.gateway;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.system.LogText;
import org.smsengine.system.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The phones registered for GATEWAY providers: registration (the key shown once), the list, revocation, and keys checked. */
@Component
class DeviceRegistry {

    private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);

    private final DeviceMapper devices;
    private final GatewayMessageMapper messages;
    private final GatewayProviders providers;
    private final TransactionTemplate transaction;

    DeviceRegistry(DeviceMapper devices, GatewayMessageMapper messages, GatewayProviders providers,
            PlatformTransactionManager transactionManager) {
        this.devices = devices;
        this.messages = messages;
        this.providers = providers;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A new device with a new key; the key is in the answer and nowhere else. */
    Registered register(String provider, String name, String by) {
        providers.require(provider);
        String key = DeviceKeys.newKey();
        DeviceMapper.Device device = devices.register(provider, name, DeviceKeys.hash(key), by);
        log.info("Gateway device {} ({}) registered for provider {} by {}", device.id(), LogText.escape(name), provider,
                LogText.escape(by));
        return new Registered(device, key);
    }

    List<DeviceMapper.Device> list(String provider) {
        providers.require(provider);
        return devices.list(provider);
    }

    /** Revokes the device (its key is refused from now on) and puts its leased messages back in the queue. */
    Revoked revoke(String provider, long id, String by) {
        providers.require(provider);
        Revoked revoked = transaction.execute(status -> {
            DeviceMapper.Device device = devices.find(provider, id)
                    .orElseThrow(() -> new NotFoundException("gateway device", id + " of provider '" + provider + "'"));
            boolean now = devices.revoke(id) > 0;
            return new Revoked(device.id(), device.name(), now, messages.returnLeases(id));
        });
        log.info("Gateway device {} of provider {} revoked by {}; {} leased messages back in the queue", id, provider,
                LogText.escape(by), revoked.messagesReturned());
        return revoked;
    }

    /** The enabled device that holds this key, for a GATEWAY provider this engine has; otherwise 401. */
    DeviceMapper.Caller authenticate(String key) {
        if (key == null || key.isBlank()) {
            throw new DeviceKeyRefusedException("A device authenticates with its key in the X-Device-Key header");
        }
        DeviceMapper.Caller caller = devices.findEnabled(DeviceKeys.hash(key.strip()))
                .orElseThrow(() -> new DeviceKeyRefusedException("This device key is unknown or revoked"));
        if (providers.settings(caller.provider()).isEmpty()) {
            throw new DeviceKeyRefusedException("The device's provider '" + caller.provider()
                    + "' is not a gateway provider of this engine (sms.providers)");
        }
        return caller;
    }

    /** A device just registered, with its key. */
    record Registered(DeviceMapper.Device device, String key) {
    }

    /** A device revoked: whether this call revoked it (or it was already), and the leased messages it gave back. */
    record Revoked(long id, String name, boolean revokedNow, int messagesReturned) {
    }
}
