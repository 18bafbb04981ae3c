package org.smsengine.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a delivering batch stands, partition by partition ({@code sms_partition}), read over one
 * connection. Each partition claims its messages in id order (which is row order), a page at a time,
 * so its front is its first message still {@code PREPARED}: found by an index range from where it
 * stood before, as the claimer's own keyset, so each look costs only the rows sent since the last.
 */
final class DeliveryFront implements AutoCloseable {

    private static final String PARTITIONS = "SELECT partition_no FROM sms_partition WHERE batch_id = ? ORDER BY partition_no";
    private static final String FRONT = """
            SELECT id FROM sms_message WHERE batch_id = ? AND partition_no = ? AND id >= ? AND status = 'PREPARED'
            ORDER BY id LIMIT 1""";
    private static final String AT_OR_AFTER = """
            SELECT id, phone FROM sms_message WHERE batch_id = ? AND partition_no = ? AND id >= ?
            ORDER BY id OFFSET ? LIMIT 1""";
    private static final String BEFORE = """
            SELECT id, phone FROM sms_message WHERE batch_id = ? AND partition_no = ? AND id < ?
            ORDER BY id DESC OFFSET ? LIMIT 1""";

    /** A message of the batch: its partition, id and number. */
    record Message(int partition, long id, String phone) {
    }

    private final Connection connection;
    private final long batchId;
    private final List<Integer> partitions;
    private final long[] front;
    private final boolean[] done;

    private DeliveryFront(Connection connection, long batchId, List<Integer> partitions) {
        this.connection = connection;
        this.batchId = batchId;
        this.partitions = partitions;
        this.front = new long[partitions.size()];
        this.done = new boolean[partitions.size()];
    }

    static DeliveryFront of(EngineDatabase database, long batchId) throws SQLException {
        Connection connection = database.connect();
        List<Integer> partitions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(PARTITIONS)) {
            query.setLong(1, batchId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    partitions.add(rows.getInt(1));
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new DeliveryFront(connection, batchId, partitions);
    }

    int partitions() {
        return partitions.size();
    }

    /** Whether every partition has claimed all its messages (as last seen). */
    boolean done() {
        for (boolean d : done) {
            if (!d) {
                return false;
            }
        }
        return true;
    }

    /**
     * The message {@code offset} rows from the {@code p}-th partition's front (negative: behind it, in the page
     * being submitted or before); null when the partition has nothing left to claim or the offset falls off its end.
     */
    Message near(int p, int offset) throws SQLException {
        if (done[p]) {
            return null;
        }
        int partition = partitions.get(p);
        try (PreparedStatement query = statement(FRONT, partition, front[p])) {
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    done[p] = true;
                    return null;
                }
                front[p] = row.getLong(1);
            }
        }
        try (PreparedStatement query = statement(offset >= 0 ? AT_OR_AFTER : BEFORE, partition, front[p])) {
            query.setInt(4, offset >= 0 ? offset : -offset - 1);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Message(partition, row.getLong(1), row.getString(2)) : null;
            }
        }
    }

    private PreparedStatement statement(String sql, int partition, long from) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        query.setLong(1, batchId);
        query.setInt(2, partition);
        query.setLong(3, from);
        return query;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
