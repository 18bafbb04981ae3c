package org.smsengine.provider;

import java.util.Set;

/** A batch names a provider this engine does not have (renamed or removed from sms.providers since). */
public class UnknownProviderException extends IllegalStateException {

    public UnknownProviderException(String name, Set<String> known) {
        super("No provider '" + name + "' is configured (sms.providers); the providers are " + known);
    }
}
