-- A batch's counters, sharded. Every slice of delivery outcomes and every set of receipts used to add to the
-- batch's own sms_batch row in the transaction that changed its messages, holding that row until the commit
-- was flushed: one batch's writers queued on it one at a time, and with one batch spread over nodes most of
-- them waited there (three nodes, twelve partitions: 114 of 160 sampled statements). Now a writer adds to
-- its own slot here (a partition's outcomes to its partition's slot, its receipts to another), in the same
-- transaction as before; a batch's figures are its row plus the sum of its slots, read in one statement,
-- so they stay exact. A background pass folds slots into the row (skipping any a writer holds), so a batch
-- has a few rows here at a time. No foreign key: its check would lock the batch row again.
CREATE TABLE sms_batch_tally (
    batch_id        BIGINT         NOT NULL,
    slot            INTEGER        NOT NULL,
    row_count       BIGINT         NOT NULL DEFAULT 0,
    valid           BIGINT         NOT NULL DEFAULT 0,
    invalid         BIGINT         NOT NULL DEFAULT 0,
    duplicates      BIGINT         NOT NULL DEFAULT 0,
    opted_out       BIGINT         NOT NULL DEFAULT 0,
    prepared        BIGINT         NOT NULL DEFAULT 0,
    sent            BIGINT         NOT NULL DEFAULT 0,
    send_failed     BIGINT         NOT NULL DEFAULT 0,
    delivered       BIGINT         NOT NULL DEFAULT 0,
    undelivered     BIGINT         NOT NULL DEFAULT 0,
    cancelled       BIGINT         NOT NULL DEFAULT 0,
    suppressed      BIGINT         NOT NULL DEFAULT 0,
    in_doubt        BIGINT         NOT NULL DEFAULT 0,
    segments        BIGINT         NOT NULL DEFAULT 0,
    cost            NUMERIC(20, 6) NOT NULL DEFAULT 0,
    validated_bytes BIGINT         NOT NULL DEFAULT 0,
    progress_seq    BIGINT         NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (batch_id, slot)
);

-- A batch's progress snapshots are ordered by progress_seq (Redis keeps the highest). With writers on many
-- slots a per-row "+ 1" no longer orders them; one sequence does, for every change of every batch. It
-- starts past every value already handed out, so no batch's next snapshot looks older than its last.
CREATE SEQUENCE sms_progress_seq;
SELECT setval('sms_progress_seq', GREATEST((SELECT max(progress_seq) FROM sms_batch), 0) + 1);
