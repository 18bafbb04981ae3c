package org.smsengine.system;

/**
 * A request that must prove who sent it did not (401): a provider's receipt without the signature
 * or shared secret it was configured with. Nothing of it was applied.
 */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
