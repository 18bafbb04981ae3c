package org.smsengine.delivery;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code sms_receipt_ref}: which message and parts each accepted provider id belongs to. */
@Mapper
interface ReceiptRefMapper {

    /**
     * One statement for a chunk's parts (arrays, so no parameter limit); a provider id already known
     * (a provider that reuses ids) keeps its first message. An id stands for {@code partCounts} parts
     * from {@code parts} on (one, but for a provider that sends a message's parts as one).
     */
    void insert(@Param("providers") String[] providers, @Param("providerIds") String[] providerIds,
            @Param("batchIds") Long[] batchIds, @Param("partitionNos") Integer[] partitionNos,
            @Param("messageIds") Long[] messageIds, @Param("parts") Integer[] parts,
            @Param("partCounts") Integer[] partCounts);
}
