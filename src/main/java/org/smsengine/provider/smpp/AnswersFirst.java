package org.smsengine.provider.smpp;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Command;

/**
 * Reads one session's PDUs for jSMPP, and tells jSMPP the session is over (an unbind from the SMSC,
 * or the end of the stream) only once the {@code submit_sm_resp} read before were taken by their
 * submits. jSMPP hands each PDU it reads to a pool of processors ({@link SmppBind} runs several, so
 * a receipt or an inbound message is not held up by another), and each is judged by the session's
 * state when its processor runs, not when it was read: the unbind's processor may run first, and a
 * response read before it, an acceptance say, is then refused as invalid for an unbound session and
 * the session closed. Its submit times out and is retried: a message the SMSC accepted goes again.
 * An SMSC that unbinds for maintenance answers what it took and unbinds right after, so this is what
 * an orderly unbind looks like, not a rare accident. The wait is bounded (a response that came after
 * its submit timed out is never taken).
 */
final class AnswersFirst extends DefaultPDUReader {

    private final long patienceNanos;
    private long read;
    private long taken;
    private boolean unbound;
    private boolean closing;

    AnswersFirst(Duration patience) {
        this.patienceNanos = patience.toNanos();
    }

    @Override
    public Command readPDUHeader(DataInputStream in) throws InvalidCommandLengthException, IOException {
        Command header;
        try {
            header = super.readPDUHeader(in);
        } catch (EOFException e) {
            awaitTaken();
            throw e;
        }
        if (header.getCommandId() == SMPPConstant.CID_SUBMIT_SM_RESP) {
            counted();
        } else if (header.getCommandId() == SMPPConstant.CID_UNBIND) {
            awaitTaken();
            unbound();
        }
        return header;
    }

    /** This side is closing the session: nothing waits for responses any more. */
    synchronized void closing() {
        closing = true;
        notifyAll();
    }

    /** A submit on this session had its response (an acceptance or a refusal): jSMPP is done with it. */
    synchronized void taken() {
        taken++;
        notifyAll();
    }

    /** A response read after the SMSC's unbind cannot be taken (the session is unbound): it is not waited for. */
    private synchronized void counted() {
        if (!unbound) {
            read++;
        }
    }

    private synchronized void unbound() {
        unbound = true;
        read = taken;
    }

    private synchronized void awaitTaken() throws InterruptedIOException {
        long deadline = System.nanoTime() + patienceNanos;
        long remaining;
        while (!closing && taken < read && (remaining = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the responses read before the end were taken");
            }
        }
    }
}
