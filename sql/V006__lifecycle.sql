-- The batch lifecycle (state-machine-config/batch-lifecycle.yml): its audit, the job a batch's
-- state belongs to, and what crash recovery needs to know.

ALTER TABLE sms_batch
    ADD COLUMN state_reason     TEXT,                          -- why the batch is in its state (an operator's reason, "node lost", ...)
    ADD COLUMN job_round        INTEGER NOT NULL DEFAULT 0,    -- 0: the batch's own job; n: the n-th re-sending of its retryable failures
    ADD COLUMN job_execution_id BIGINT,                        -- the last Spring Batch execution that worked on the batch
    ADD COLUMN job_node         TEXT,                          -- the node that ran it (sms_node)
    ADD COLUMN in_doubt         BIGINT  NOT NULL DEFAULT 0,    -- messages found SENDING after their node was lost
    ADD COLUMN retryable_failures BIGINT NOT NULL DEFAULT 0;   -- failed messages a retry would send again (set by statistics)

-- A failure an operator's retry may send again: transient, but out of attempts. Not indexed, so
-- status updates stay HOT.
ALTER TABLE sms_message ADD COLUMN retryable BOOLEAN NOT NULL DEFAULT false;

-- Every accepted lifecycle event, in order.
CREATE TABLE sms_batch_event (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id   BIGINT       NOT NULL REFERENCES sms_batch (id) ON DELETE CASCADE,
    event      VARCHAR(32)  NOT NULL,
    from_state VARCHAR(32)  NOT NULL,
    to_state   VARCHAR(32)  NOT NULL,
    actor      TEXT         NOT NULL,
    reason     TEXT,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX sms_batch_event_batch_idx ON sms_batch_event (batch_id, id);

-- The engine's nodes and their heartbeats: a job whose node stopped beating was lost with it.
CREATE TABLE sms_node (
    node_id      TEXT         PRIMARY KEY,
    host         TEXT         NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
