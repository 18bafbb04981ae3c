package org.smsengine.pipeline;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The handover columns of {@code sms_batch}: a stopping node leaves a batch's job to the others. */
@Mapper
interface HandoverMapper {

    /** Marks the batch handed over by {@code node}, if its job is meant to run; returns 0 when it is not. */
    int handOver(@Param("id") long id, @Param("node") String node, @Param("reason") String reason);

    /** Claims one handed-over batch (skipping those another node is claiming), clearing its mark; null when none. */
    JobHandovers.Handover takeOne();
}
