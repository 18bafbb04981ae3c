package org.smsengine.optout;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door to the opt-out list: every addition and removal goes through here, and each is
 * audited ({@code sms_opt_out_event}) in the statement that makes it. Numbers are E.164, already
 * normalised by the caller. An import's entries are the exception that proves it: they are audited
 * by the one event that ends the import, and each carries the import's id.
 */
@Component
public class OptOutList {

    private final OptOutMapper mapper;

    OptOutList(OptOutMapper mapper) {
        this.mapper = mapper;
    }

    /** Opts the number out; false when it already was. */
    @Transactional
    public boolean add(String phone, OptOutSource source, String reason, Long inboundId, String actor) {
        return !mapper.addOne(phone, source.value(), reason, inboundId, actor).isEmpty();
    }

    /** Takes the number off the list whatever put it there (an administrator's decision); false when it was not on it. */
    @Transactional
    public boolean remove(String phone, String reason, String actor) {
        return !mapper.removeOne(phone, values(OptOutSource.values()), reason, null, actor).isEmpty();
    }

    /**
     * Lifts an opt-out its owner made by keyword, as their START asks; one made over the API or by an
     * import stays (someone else decided it). False when no keyword opt-out was there.
     */
    @Transactional
    public boolean liftKeyword(String phone, long inboundId) {
        return !mapper.removeOne(phone, values(OptOutSource.KEYWORD), "keyword", inboundId, "keyword").isEmpty();
    }

    /**
     * Opts out every number of {@code phones} (E.164; duplicates allowed) not on the list yet, each with
     * its event, in one statement; returns how many were added.
     */
    @Transactional
    public int addAll(List<String> phones, OptOutSource source, String reason, String actor) {
        return phones.isEmpty() ? 0 : mapper.addAll(phones.toArray(String[]::new), source.value(), reason, actor);
    }

    /** Merges the staged rows {@code after < row_no <= through} of an import (see {@link OptOutMapper#mergeStaged}). */
    @Transactional
    OptOutMapper.Merged mergeStaged(long importId, int after, int through, String reason, String actor) {
        return mapper.mergeStaged(importId, after, through, reason, actor);
    }

    /** Ends a RUNNING import with its one event; false when it was no longer RUNNING (another node ended it). */
    @Transactional
    boolean finishImport(long importId) {
        return mapper.finishImport(importId) != null;
    }

    private static String[] values(OptOutSource... sources) {
        return Arrays.stream(sources).map(OptOutSource::value).toArray(String[]::new);
    }
}
