package org.smsengine.optout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The opt-out list's API ({@code sms.consent.opt-out}).
 *
 * @param maxPhones      most numbers one JSON request may add (413 above it; an import takes more)
 * @param importSlice    staged rows of an import merged per transaction: a window of that many row numbers
 * @param keptProblems   rows an import keeps the reason of when their number cannot be read (all are counted)
 * @param checkThreads   threads an import's numbers are checked on while its request reads the file; 0: one per CPU
 * @param resumeAfter    a RUNNING import not advanced for this long lost its node; another node resumes it
 * @param resumeSchedule how often each node looks for such an import (Spring cron; "-" never)
 */
@ConfigurationProperties("sms.consent.opt-out")
public record OptOutSettings(
        @DefaultValue("10000") int maxPhones,
        @DefaultValue("100000") int importSlice,
        @DefaultValue("100") int keptProblems,
        @DefaultValue("0") int checkThreads,
        @DefaultValue("1m") Duration resumeAfter,
        @DefaultValue("*/15 * * * * *") String resumeSchedule) {
}
