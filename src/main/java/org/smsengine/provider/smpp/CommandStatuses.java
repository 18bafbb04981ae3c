package org.smsengine.provider.smpp;

import java.util.Locale;
import java.util.Set;
import org.jsmpp.SMPPConstant;

/**
 * Which SMPP command statuses mean "try again later" (throttling, a full queue, a system or
 * temporary application error, a generic submit failure) and which mean "never": everything else,
 * such as an invalid destination or a refused sender.
 */
final class CommandStatuses {

    private static final Set<Integer> TRANSIENT = Set.of(
            SMPPConstant.STAT_ESME_RSYSERR,
            SMPPConstant.STAT_ESME_RMSGQFUL,
            SMPPConstant.STAT_ESME_RSUBMITFAIL,
            SMPPConstant.STAT_ESME_RTHROTTLED,
            SMPPConstant.STAT_ESME_RX_T_APPN);

    private CommandStatuses() {
    }

    static boolean isTransient(int commandStatus) {
        return TRANSIENT.contains(commandStatus);
    }

    /** The code stored with a failed message, e.g. {@code smpp:0x0000000b}. */
    static String code(int commandStatus) {
        return String.format(Locale.ROOT, "smpp:0x%08x", commandStatus);
    }
}
