package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.Test;

class AnswersFirstTest {

    @Test
    void theSmscsUnbindIsHandedOnOnlyOnceTheResponsesReadBeforeItWereTaken() throws Exception {
        AnswersFirst reader = new AnswersFirst(Duration.ofSeconds(10));
        DataInputStream in = stream(SMPPConstant.CID_SUBMIT_SM_RESP, SMPPConstant.CID_SUBMIT_SM_RESP, SMPPConstant.CID_UNBIND);
        next(reader, in);
        next(reader, in);

        CompletableFuture<Integer> unbind = CompletableFuture.supplyAsync(() -> next(reader, in));
        reader.taken();
        Thread.sleep(100);
        assertThat(unbind).isNotDone();
        reader.taken();
        assertThat(unbind.get(5, TimeUnit.SECONDS)).isEqualTo(SMPPConstant.CID_UNBIND);
    }

    @Test
    void aResponseThatIsNeverTakenHoldsTheUnbindOnlyForThePatience() {
        AnswersFirst reader = new AnswersFirst(Duration.ofMillis(200));
        DataInputStream in = stream(SMPPConstant.CID_SUBMIT_SM_RESP, SMPPConstant.CID_UNBIND);
        next(reader, in);
        long started = System.nanoTime();
        assertThat(next(reader, in)).isEqualTo(SMPPConstant.CID_UNBIND);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
    }

    @Test
    void theEndOfTheStreamWaitsForTheResponsesReadBeforeItButNotForThoseAfterAnUnbind() throws Exception {
        AnswersFirst reader = new AnswersFirst(Duration.ofSeconds(10));
        DataInputStream in = stream(SMPPConstant.CID_SUBMIT_SM_RESP);
        next(reader, in);
        CompletableFuture<Integer> end = CompletableFuture.supplyAsync(() -> next(reader, in));
        Thread.sleep(100);
        assertThat(end).isNotDone();
        reader.taken();
        assertThat(end).failsWithin(5, TimeUnit.SECONDS);

        AnswersFirst unbound = new AnswersFirst(Duration.ofSeconds(10));
        DataInputStream after = stream(SMPPConstant.CID_UNBIND, SMPPConstant.CID_SUBMIT_SM_RESP);
        next(unbound, after);
        next(unbound, after);
        long started = System.nanoTime();
        assertThatThrownBy(() -> unbound.readPDUHeader(after)).isInstanceOf(EOFException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    private static int next(AnswersFirst reader, DataInputStream in) {
        try {
            return reader.readPDUHeader(in).getCommandId();
        } catch (IOException | InvalidCommandLengthException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PDUs of a header alone (16 octets), sequence numbers from 1. */
    private static DataInputStream stream(int... commandIds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            int sequence = 1;
            for (int commandId : commandIds) {
                out.writeInt(16);
                out.writeInt(commandId);
                out.writeInt(0);
                out.writeInt(sequence++);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
