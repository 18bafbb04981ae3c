package org.smsengine.optout;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Reading the opt-out list (OptOutQueryMapper.xml): pages newest first, one number, the export's windows. */
@Mapper
interface OptOutQueryMapper {

    /**
     * A page newest first, of one source or (null) of all {@code sources}; {@code offset + size} rows
     * at most are read per source.
     */
    List<OptOutEntry> page(@Param("source") String source, @Param("sources") List<String> sources,
            @Param("offset") long offset, @Param("size") int size);

    long count(@Param("source") String source);

    OptOutEntry find(@Param("phone") String phone);

    /** The next {@code limit} entries after {@code afterPhone} in phone order. */
    List<OptOutEntry> after(@Param("afterPhone") String afterPhone, @Param("limit") int limit);
}
