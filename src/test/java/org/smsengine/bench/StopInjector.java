package org.smsengine.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Sends STOPs from handsets ({@code POST /mo} of the simulator) while a batch delivers, into numbers
 * just ahead of its delivery, spread evenly over the time it is expected to take. Each partition
 * sends its rows in order, a page at a time, so where it stands is its first message still
 * {@code PREPARED} (an index range from where it stood before, as the claimer's own). Each target is
 * picked from half a page behind that (in the page being submitted: a STOP that must be caught
 * between the page's screening and the message's submit) to one and a half pages ahead (a page the
 * screening of its claim must hold back); the partitions take turns. A target the page got to first
 * is known afterwards by its times ({@link StopLatency}).
 */
final class StopInjector implements AutoCloseable {

    /** Rows behind and ahead of a partition's next unclaimed message; a delivery page is 1,000 (jobs/sms-batch.yml). */
    private static final int BEHIND = 500;
    private static final int AHEAD = 1_500;
    private static final long TICK_MILLIS = 100;
    /** The provider's default source address, the benchmark batch's sender: what a handset answers. */
    private static final String TO = "SMSENGINE";

    private static final String PARTITIONS = "SELECT partition_no FROM sms_partition WHERE batch_id = ? ORDER BY partition_no";
    private static final String NEXT = """
            SELECT id FROM sms_message WHERE batch_id = ? AND partition_no = ? AND id >= ? AND status = 'PREPARED'
            ORDER BY id LIMIT 1""";
    private static final String AT_OR_AFTER = """
            SELECT id, phone FROM sms_message WHERE batch_id = ? AND partition_no = ? AND id >= ?
            ORDER BY id OFFSET ? LIMIT 1""";
    private static final String BEFORE = """
            SELECT id, phone FROM sms_message WHERE batch_id = ? AND partition_no = ? AND id < ?
            ORDER BY id DESC OFFSET ? LIMIT 1""";

    /** A number sent a STOP: its message (partition and id) and when the simulator's {@code POST /mo} answered. */
    record Target(String phone, int partition, long messageId, long storedBy) {
    }

    private final EngineDatabase database;
    private final SimulatorProcess simulator;
    private final int stops;
    private final long spreadMillis;
    private final List<Target> targets = new ArrayList<>();
    private final Random random = new Random(42);
    private volatile boolean closed;
    private Thread thread;
    private int refused;
    private Exception failure;

    /** {@code stops} STOPs over {@code spreadMillis} from the start of delivery (fewer if delivery ends first). */
    StopInjector(EngineDatabase database, SimulatorProcess simulator, int stops, long spreadMillis) {
        this.database = database;
        this.simulator = simulator;
        this.stops = stops;
        this.spreadMillis = Math.max(spreadMillis, 1_000);
    }

    /** Starts sending STOPs into the batch's numbers; {@link #close} stops it. */
    StopInjector start(long batchId) {
        thread = new Thread(() -> inject(batchId), "bench-stops");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void inject(long batchId) {
        try (Connection connection = database.connect()) {
            List<Integer> partitions = partitions(connection, batchId);
            long[] next = new long[partitions.size()];
            boolean[] done = new boolean[partitions.size()];
            Set<String> chosen = new HashSet<>();
            long started = System.currentTimeMillis();
            int turn = 0;
            while (!closed && targets.size() + refused < stops && remain(done)) {
                long due = Math.min(stops, stops * (System.currentTimeMillis() - started) / spreadMillis + 1);
                for (int tries = 0; targets.size() + refused < due && tries < 4 * partitions.size() && !closed; tries++) {
                    int p = turn++ % partitions.size();
                    Target target = null;
                    if (!done[p]) {
                        Long at = next(connection, batchId, partitions.get(p), next[p]);
                        done[p] = at == null;
                        next[p] = at == null ? next[p] : at;
                        target = at == null ? null : pick(connection, batchId, partitions.get(p), at);
                    }
                    if (target != null && chosen.add(target.phone())) {
                        send(target);
                    }
                }
                Thread.sleep(TICK_MILLIS);
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    /** A message from {@link #BEHIND} before the partition's next unclaimed one, {@code at}, to {@link #AHEAD} after it. */
    private Target pick(Connection connection, long batchId, int partition, long at) throws SQLException {
        int offset = random.nextInt(BEHIND + AHEAD) - BEHIND;
        try (PreparedStatement query = connection.prepareStatement(offset >= 0 ? AT_OR_AFTER : BEFORE)) {
            query.setLong(1, batchId);
            query.setInt(2, partition);
            query.setLong(3, at);
            query.setInt(4, offset >= 0 ? offset : -offset - 1);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Target(row.getString(2), partition, row.getLong(1), 0) : null;
            }
        }
    }

    private void send(Target target) throws Exception {
        int status = simulator.injectMo(target.phone(), TO, "STOP");
        if (status == 202) {
            targets.add(new Target(target.phone(), target.partition(), target.messageId(), System.currentTimeMillis()));
        } else {
            refused++;
        }
    }

    /** The partition's first message still PREPARED from message {@code from} on; null when it has none left. */
    private static Long next(Connection connection, long batchId, int partition, long from) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(NEXT)) {
            query.setLong(1, batchId);
            query.setInt(2, partition);
            query.setLong(3, from);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    private static List<Integer> partitions(Connection connection, long batchId) throws SQLException {
        List<Integer> partitions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(PARTITIONS)) {
            query.setLong(1, batchId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    partitions.add(rows.getInt(1));
                }
            }
        }
        return partitions;
    }

    private static boolean remain(boolean[] done) {
        for (boolean d : done) {
            if (!d) {
                return true;
            }
        }
        return false;
    }

    /** The STOPs the engine answered, in the order sent (after {@link #close}). */
    List<Target> targets() {
        return targets;
    }

    /** STOPs the simulator could not deliver (no session bound, or the engine refused them). */
    int refused() {
        return refused;
    }

    /** Stops sending and waits for the sender; a failure of the sender fails the run. */
    @Override
    public void close() throws Exception {
        closed = true;
        if (thread != null) {
            thread.join();
        }
        if (failure != null) {
            throw new IllegalStateException("Injecting STOPs failed", failure);
        }
    }
}
