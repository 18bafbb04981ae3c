package org.smsengine.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** How long each top-level step of a batch's job took, from Spring Batch's own step records. */
final class StepTimes {

    private static final String SQL = """
            SELECT s.step_name, s.start_time, s.end_time, s.write_count
            FROM batch_step_execution s
            JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
            JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
            WHERE p.parameter_name = 'batchId' AND p.parameter_value = ? AND s.step_name NOT LIKE '%:partition%'
            ORDER BY s.step_execution_id
            """;

    private StepTimes() {
    }

    record Step(Duration duration, long written) {
    }

    static Map<String, Step> of(String jdbcUrl, String user, long batchId) throws SQLException {
        Map<String, Step> steps = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             PreparedStatement query = connection.prepareStatement(SQL)) {
            query.setString(1, Long.toString(batchId));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp start = rows.getTimestamp(2);
                    Timestamp end = rows.getTimestamp(3);
                    if (start != null && end != null) {
                        steps.put(rows.getString(1), new Step(Duration.between(start.toInstant(), end.toInstant()),
                                rows.getLong(4)));
                    }
                }
            }
        }
        return steps;
    }
}
