package org.smsengine.optout;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The bookkeeping of opt-out imports (ImportMapper.xml): the import row, its kept problems, and the
 * staged rows' extent. The list itself changes only through {@link OptOutList}.
 */
@Mapper
interface ImportMapper {

    /** A new RUNNING import; returns its id. */
    long insert(@Param("region") String region, @Param("phoneColumn") String phoneColumn, @Param("reason") String reason,
            @Param("actor") String actor);

    /** Records what the request read: rows, invalid rows; the merge's clock starts now. */
    void staged(@Param("id") long id, @Param("rows") long rows, @Param("invalid") long invalid);

    void insertProblems(@Param("id") long id, @Param("rows") Integer[] rows, @Param("messages") String[] messages);

    /** The RUNNING import, locked until the transaction ends; null when it is not RUNNING (or not there). */
    Cursor lockRunning(@Param("id") long id);

    /** The last staged row not merged yet, or null when none is left. */
    Integer lastStagedRow(@Param("id") long id);

    void advance(@Param("id") long id, @Param("through") int through, @Param("added") long added,
            @Param("already") long already);

    /** Takes over the RUNNING import advanced longest ago, if that is longer than {@code staleMillis}; its id or null. */
    Long claimStale(@Param("staleMillis") long staleMillis);

    void fail(@Param("id") long id, @Param("error") String error);

    ImportRow find(@Param("id") long id);

    List<ImportView.Problem> problems(@Param("id") long id);

    /** Where a RUNNING import's merge stands. */
    record Cursor(int mergedRow, String reason, String createdBy) {
    }

    /** An import as stored. */
    record ImportRow(long id, String state, long rows, long added, long already, long invalid, String error) {
    }
}
