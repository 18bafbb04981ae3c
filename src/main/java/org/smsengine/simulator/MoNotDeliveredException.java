package org.smsengine.simulator;

/** The ESME did not take an MO: it answered an error (a temporary one when it could not keep it), or nothing in time. */
public class MoNotDeliveredException extends IllegalStateException {

    public MoNotDeliveredException(String from, Throwable cause) {
        super("The message from " + from + " was not taken by the ESME: " + cause.getMessage(), cause);
    }
}
