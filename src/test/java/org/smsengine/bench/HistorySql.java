package org.smsengine.bench;

/**
 * The statements that write one finished batch of history, set-wise (one statement per table), in
 * the shapes the engine's own steps leave. Parameters are bound, never concatenated.
 */
final class HistorySql {

    static final String BATCH = """
            INSERT INTO sms_batch (name, state, version, template, source_format, phone_column, region, provider,
                    current_step, step_started_at, created_by, created_at, updated_at)
            VALUES (?, 'COMPLETED', 4, ?, 'CSV', 'phone', 'US', 'bench-smsc', 'statistics', ?, ?, ?, ?)
            RETURNING id
            """;

    /**
     * {@code size} recipients from customer {@code first} of a base of {@code customers}: every 501st
     * row of the file was rejected, so row numbers (from 2, after the header) skip it. A customer's
     * number is +1, an area code of {@code areas}, an exchange of 200-999 and a line; written as
     * marketers write them, in three formats.
     */
    static final String RECIPIENTS = """
            INSERT INTO sms_recipient (batch_id, row_no, phone, vars, phone_given, raw)
            SELECT ?, 2 + i + i / 500, '+1' || area || exchange || line, jsonb_build_object('name', name, 'code', code),
                   given, name || ',' || given || ',' || code
            FROM (SELECT i, area, exchange, line, 'Customer ' || c AS name, (100000 + c % 900000)::text AS code,
                         CASE i % 3 WHEN 0 THEN '+1' || area || exchange || line
                                    WHEN 1 THEN '(' || area || ') ' || exchange || '-' || line
                                    ELSE '+1 ' || area || '-' || exchange || '-' || line END AS given
                  FROM (SELECT i, c, areas[c % cardinality(areas) + 1]::text AS area,
                               (200 + c / cardinality(areas) / 10000 % 800)::text AS exchange,
                               lpad((c / cardinality(areas) % 10000)::text, 4, '0') AS line
                        FROM (SELECT ?::int[] AS areas, ?::bigint AS first, ?::bigint AS customers) AS p,
                             LATERAL (SELECT i, (p.first + i) % p.customers AS c
                                      FROM generate_series(0, ?::int - 1) AS i) AS g) AS n) AS r
            """;

    /** The batch's row ranges as the partition step splits them: {@code ?} (the job's gridSize) of equal width. */
    static final String PARTITIONS = """
            INSERT INTO sms_partition (batch_id, partition_no, first_row, last_row)
            SELECT r.batch_id, p, r.first + (r.last - r.first + 1) * p / g.grid,
                   r.first + (r.last - r.first + 1) * (p + 1) / g.grid - 1
            FROM (SELECT batch_id, min(row_no)::bigint AS first, max(row_no)::bigint AS last
                  FROM sms_recipient WHERE batch_id = ? GROUP BY batch_id) AS r,
                 (SELECT ?::int AS grid) AS g,
                 LATERAL generate_series(0, g.grid - 1) AS p
            """;

    /** The rejected rows: an invalid number or a repeat of the row before. */
    static final String REJECTS = """
            INSERT INTO sms_reject (batch_id, row_no, phone, reason, raw)
            SELECT b.id, 502 + 501 * k, CASE WHEN k % 2 = 0 THEN '555-01' || k % 100 ELSE before.phone_given END,
                   CASE WHEN k % 2 = 0 THEN 'invalid_number' ELSE 'duplicate' END,
                   CASE WHEN k % 2 = 0 THEN 'Customer x,555-01' || k % 100 || ',100000' ELSE before.raw END
            FROM (SELECT ?::bigint AS id) AS b
            CROSS JOIN generate_series(0, ?::int - 1) AS k
            LEFT JOIN sms_recipient before ON before.batch_id = b.id AND before.row_no = 501 + 501 * k
            """;

    /**
     * A message per recipient, as delivery and receipts left it: DELIVERED, one in a hundred
     * UNDELIVERED, one in a thousand FAILED at submission. Written partition by partition in chunks
     * of 5,000 rows, as preparation's workers interleave, so ids follow row order within a partition.
     */
    static final String MESSAGES = """
            INSERT INTO sms_message (batch_id, partition_no, row_no, phone, text, encoding, segments, status, attempts,
                    provider, provider_message_id, last_error, sent_at, delivered_at, parts_delivered, time_zone)
            SELECT r.batch_id, p.partition_no, r.row_no, r.phone,
                   replace(replace(z.template, '{{name}}', r.vars ->> 'name'), '{{code}}', r.vars ->> 'code'), 'GSM7', 1,
                   s.status, CASE s.status WHEN 'FAILED' THEN 5 ELSE 1 END, 'bench-smsc',
                   CASE WHEN s.status <> 'FAILED' THEN 'hist-' || r.batch_id || '-' || r.row_no END,
                   CASE s.status WHEN 'FAILED' THEN 'submit_sm refused: throttled (0x00000058), out of attempts'
                                 WHEN 'UNDELIVERED' THEN 'receipt: UNDELIV' END,
                   CASE WHEN s.status <> 'FAILED' THEN s.sent_at END,
                   CASE WHEN s.status = 'DELIVERED' THEN s.sent_at + interval '2 seconds' END,
                   CASE WHEN s.status = 'DELIVERED' THEN 1 ELSE 0 END,
                   z.zones[array_position(z.prefixes, left(r.phone, 5))]
            FROM (SELECT ?::text AS template, ?::text[] AS prefixes, ?::text[] AS zones, ?::timestamptz AS sending) AS z
            JOIN sms_recipient r ON r.batch_id = ?
            JOIN sms_partition p ON p.batch_id = r.batch_id AND r.row_no BETWEEN p.first_row AND p.last_row
            CROSS JOIN LATERAL (
                SELECT CASE WHEN r.row_no % 1000 = 999 THEN 'FAILED' WHEN r.row_no % 100 = 42 THEN 'UNDELIVERED'
                            ELSE 'DELIVERED' END AS status,
                       z.sending + r.row_no * interval '80 microseconds' AS sent_at) AS s
            ORDER BY (r.row_no - p.first_row) / 5000, p.partition_no, r.row_no
            """;

    /** A receipt reference per accepted part (one part each): the provider's id of every message it took. */
    static final String RECEIPT_REFS = """
            INSERT INTO sms_receipt_ref (provider, provider_message_id, batch_id, partition_no, message_id, part)
            SELECT provider, provider_message_id, batch_id, partition_no, id, 1
            FROM sms_message WHERE batch_id = ? AND provider_message_id IS NOT NULL
            """;

    /** The counters as the statistics step leaves them: the exact figures of the batch's rows. */
    static final String COUNTS = """
            WITH b AS (SELECT ?::bigint AS id),
            m AS (SELECT count(*) AS messages, count(*) FILTER (WHERE status <> 'FAILED') AS sent,
                         count(*) FILTER (WHERE status = 'DELIVERED') AS delivered,
                         count(*) FILTER (WHERE status = 'FAILED') AS failed,
                         count(*) FILTER (WHERE status = 'UNDELIVERED') AS undelivered
                  FROM sms_message WHERE batch_id = (SELECT id FROM b)),
            j AS (SELECT count(*) AS rejects, count(*) FILTER (WHERE reason = 'invalid_number') AS invalid,
                         count(*) FILTER (WHERE reason = 'duplicate') AS duplicates, coalesce(sum(octet_length(raw) + 2), 0) AS bytes
                  FROM sms_reject WHERE batch_id = (SELECT id FROM b)),
            r AS (SELECT coalesce(sum(octet_length(raw) + 2), 0) AS bytes FROM sms_recipient WHERE batch_id = (SELECT id FROM b))
            UPDATE sms_batch SET row_count = m.messages + j.rejects, valid = m.messages, invalid = j.invalid,
                   duplicates = j.duplicates, prepared = m.messages, segments = m.messages, sent = m.sent,
                   delivered = m.delivered, send_failed = m.failed, undelivered = m.undelivered,
                   upload_bytes = 17 + r.bytes + j.bytes, validated_bytes = 17 + r.bytes + j.bytes,
                   progress_seq = m.messages / 1000
            FROM m, j, r
            WHERE sms_batch.id = (SELECT id FROM b)
            """;

    /** The batch's audit: the events that took it from CREATED to COMPLETED. */
    static final String EVENTS = """
            INSERT INTO sms_batch_event (batch_id, event, from_state, to_state, actor, created_at)
            SELECT b.id, e.event, e.from_state, e.to_state, e.actor, e.at
            FROM sms_batch b, LATERAL (VALUES
                    ('preparation_started', 'CREATED', 'PREPARING', 'engine', b.created_at),
                    ('prepared', 'PREPARING', 'READY', 'engine', b.created_at + interval '20 seconds'),
                    ('start', 'READY', 'DELIVERING', b.created_by, b.created_at + interval '2 minutes'),
                    ('delivered', 'DELIVERING', 'COMPLETED', 'engine', b.updated_at)) AS e(event, from_state, to_state, actor, at)
            WHERE b.id = ?
            """;

    /** What autovacuum does to the tables history grew: visibility map and hint bits set, statistics refreshed. */
    static final String[] VACUUM_ANALYZE = {"VACUUM (ANALYZE) sms_batch", "VACUUM (ANALYZE) sms_batch_event",
        "VACUUM (ANALYZE) sms_recipient", "VACUUM (ANALYZE) sms_partition", "VACUUM (ANALYZE) sms_reject",
        "VACUUM (ANALYZE) sms_message", "VACUUM (ANALYZE) sms_receipt_ref"};

    private HistorySql() {
    }
}
