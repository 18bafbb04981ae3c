package org.smsengine.simulator;

/** An MO cannot be delivered: no ESME is bound to the simulator. */
public class NoBoundSessionException extends IllegalStateException {

    public NoBoundSessionException(String from) {
        super("No session is bound to the simulator: the message from " + from + " cannot be delivered");
    }
}
