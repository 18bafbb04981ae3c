package org.smsengine.optout;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.smsengine.system.Cron;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
public record OptOutSettings(
        @Positive @DefaultValue("10000") int maxPhones,
        @Positive @DefaultValue("100000") int importSlice,
        @PositiveOrZero @DefaultValue("100") int keptProblems,
        @PositiveOrZero @DefaultValue("0") int checkThreads,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration resumeAfter,
        @Cron @DefaultValue("*/15 * * * * *") String resumeSchedule) {
}
