package org.smsengine.delivery.screening;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** What delivery asks of consent for each claimed page, and the feed of the list's newest changes. */
@Mapper
interface ScreeningMapper {

    /** A number of the page that is not to be sent to, and why ({@code opted_out}, {@code frequency_cap}). */
    record Held(String phone, String reason) {
    }

    /** A change of the list, as the feed hands it on. */
    record Change(String phone, String action, OffsetDateTime at) {
    }

    /**
     * Screens a page: the numbers on the opt-out list, and (when {@code counts} is given) those over
     * a frequency cap; takes a slot for every other number and records the batch as their last
     * contact from {@code sender}. One statement.
     */
    List<Held> screen(@Param("batchId") long batchId, @Param("sender") String sender, @Param("phones") String[] phones,
            @Param("counts") Integer[] counts, @Param("seconds") Long[] seconds, @Param("keep") int keep);

    /** Added and removed entries (not imports) since {@code since}, oldest first; and the database clock. */
    List<Change> changesSince(@Param("since") OffsetDateTime since);

    OffsetDateTime now();
}
