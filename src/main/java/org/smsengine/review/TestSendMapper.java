package org.smsengine.review;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code sms_test_send}: what each batch's test-sends have used of their limits. */
@Mapper
interface TestSendMapper {

    /** Takes one call and its seeds (E.164) if both limits still hold with them: the calls made with it, or null. */
    Integer take(@Param("batchId") long batchId, @Param("seeds") String[] seeds, @Param("maxCalls") int maxCalls,
            @Param("maxSeeds") int maxSeeds);

    /** The calls the batch has had (0 when none). */
    int calls(@Param("batchId") long batchId);

    /** The distinct seeds its calls named, sorted. */
    List<String> seeds(@Param("batchId") long batchId);
}
