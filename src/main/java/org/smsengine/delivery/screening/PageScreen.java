package org.smsengine.delivery.screening;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What delivery asks before it submits, set-wise: for a claimed page, which numbers are not to be
 * sent to and why (one statement per page, {@link ScreeningMapper#screen}); and for one message right
 * before its submit, whether its number opted out since (a lookup in this node's memory of the list's
 * newest changes, {@link RecentOptOuts}).
 */
@Component
public class PageScreen {

    /** Why a message is not sent, as its error says. */
    public static final String OPTED_OUT = "opted_out";
    public static final String FREQUENCY_CAP = "frequency_cap";
    public static final String VALIDITY_PASSED = "validity_passed";

    private final ScreeningMapper mapper;
    private final RecentOptOuts recent;
    private final Integer[] capCounts;
    private final Long[] capSeconds;
    private final int keep;

    PageScreen(ScreeningMapper mapper, RecentOptOuts recent, ScreeningSettings settings) {
        this.mapper = mapper;
        this.recent = recent;
        List<ScreeningSettings.Cap> caps = settings.frequencyCaps();
        this.capCounts = caps.stream().map(ScreeningSettings.Cap::messages).toArray(Integer[]::new);
        this.capSeconds = caps.stream().map(cap -> cap.per().toSeconds()).toArray(Long[]::new);
        this.keep = caps.stream().mapToInt(ScreeningSettings.Cap::messages).max().orElse(0);
    }

    /**
     * The numbers of a page not to be sent to, with the reason ({@link #OPTED_OUT}, {@link #FREQUENCY_CAP}).
     * Runs in the caller's transaction (the claim's): the slots it takes under the caps and the contacts it
     * records commit or roll back with the claim.
     *
     * @param sender     the batch's sender id, null for the provider's default
     * @param capped     whether the frequency caps apply (a batch that is not transactional, on a message's first
     *                   attempt: a retry already holds its slot)
     */
    public Map<String, String> screen(long batchId, String sender, boolean capped, List<String> phones) {
        if (phones.isEmpty()) {
            return Map.of();
        }
        boolean caps = capped && keep > 0;
        Map<String, String> held = new HashMap<>();
        for (ScreeningMapper.Held h : mapper.screen(batchId, sender == null ? "" : sender, phones.toArray(String[]::new),
                caps ? capCounts : null, caps ? capSeconds : null, keep)) {
            held.put(h.phone(), h.reason());
        }
        // opted out on another node after the statement's snapshot was taken, but already known here
        for (String phone : phones) {
            if (!held.containsKey(phone) && recent.contains(phone)) {
                held.put(phone, OPTED_OUT);
            }
        }
        return held;
    }

    /** Whether the number opted out since its page was screened (a keyword or the API; this node's memory). */
    public boolean optedOutSince(String phone) {
        return recent.contains(phone);
    }
}
