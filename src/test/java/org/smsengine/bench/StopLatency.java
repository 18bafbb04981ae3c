package org.smsengine.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * STOP to last submit, from the engine's own records once the batch is COMPLETED: for each number
 * sent a STOP, when the STOP was stored ({@code sms_inbound.received_at}, the database's clock) and
 * what became of its message. A message SUPPRESSED was never submitted (0 ms). One SENT later than
 * its STOP was stored was submitted after it: {@code sent_at} is written after the submit's
 * response, so the latency is an upper bound. One sent before its STOP was stored was not ahead of
 * delivery when the STOP came (the page got there first): it is counted, and left out of the latencies.
 *
 * @param seconds     from the first STOP answered to the last
 * @param latencies   ms from the STOP to the submit of each number that was ahead (0 when suppressed), sorted
 */
record StopLatency(int injected, int refused, double seconds, int suppressed, int submittedAfter, int sentBefore,
        int unknown, List<Long> latencies) {

    private static final String OUTCOME = """
            SELECT m.status, m.sent_at,
                   (SELECT min(i.received_at) FROM sms_inbound i WHERE i.from_phone = ? AND i.keyword = 'STOP')
            FROM sms_message m
            WHERE m.batch_id = ? AND m.partition_no = ? AND m.id = ?
            """;

    static StopLatency of(EngineDatabase database, long batchId, List<StopInjector.Target> targets, int refused)
            throws SQLException {
        int suppressed = 0;
        int after = 0;
        int before = 0;
        int unknown = 0;
        List<Long> latencies = new ArrayList<>();
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(OUTCOME)) {
            for (StopInjector.Target target : targets) {
                query.setString(1, target.phone());
                query.setLong(2, batchId);
                query.setInt(3, target.partition());
                query.setLong(4, target.messageId());
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        unknown++;
                        continue;
                    }
                    OffsetDateTime sent = row.getObject(2, OffsetDateTime.class);
                    OffsetDateTime stored = row.getObject(3, OffsetDateTime.class);
                    if (stored == null) {
                        unknown++;
                    } else if ("SUPPRESSED".equals(row.getString(1))) {
                        suppressed++;
                        latencies.add(0L);
                    } else if (sent == null) {
                        unknown++;
                    } else if (sent.isAfter(stored)) {
                        after++;
                        latencies.add(Duration.between(stored, sent).toMillis());
                    } else {
                        before++;
                    }
                }
            }
        }
        double seconds = targets.isEmpty() ? 0 : (targets.stream().mapToLong(StopInjector.Target::storedBy).max().getAsLong()
                - targets.stream().mapToLong(StopInjector.Target::storedBy).min().getAsLong()) / 1000.0;
        return new StopLatency(targets.size(), refused, seconds, suppressed, after, before, unknown,
                latencies.stream().sorted().toList());
    }

    long percentile(int p) {
        return PauseLatency.percentile(latencies, p);
    }

    long max() {
        return latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1);
    }
}
