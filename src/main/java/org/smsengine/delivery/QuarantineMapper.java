package org.smsengine.delivery;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code sms_receipt_quarantine}: receipts the database would not take, each with what it came as and why. */
@Mapper
interface QuarantineMapper {

    void insert(@Param("provider") String provider, @Param("providerMessageId") String providerMessageId,
            @Param("status") String status, @Param("raw") String raw, @Param("error") String error,
            @Param("receivedAt") OffsetDateTime receivedAt);

    /** Newest first. */
    List<QuarantinedReceipt> page(@Param("offset") long offset, @Param("limit") int limit);

    long count();

    /** Deletes what was set aside before {@code before}, at most {@code limit} rows; returns how many. */
    int purge(@Param("before") OffsetDateTime before, @Param("limit") int limit);
}
