-- Graceful shutdown: a node that is told to stop (SIGTERM) stops its jobs the way a pause does and
-- hands their batches over; every node looks for handed-over batches every second or so and the
-- first to claim one continues its job (a restart of the same job instance) at once, without an
-- operator and without waiting for the node to be found lost.

ALTER TABLE sms_batch
    ADD COLUMN handed_over_by   TEXT,      -- the node (sms_node) that stopped the batch's job to leave; null: not handed over
    ADD COLUMN handover_reason  TEXT,      -- how that node left the job (for the audit of the takeover)
    ADD COLUMN handover_version BIGINT;    -- the batch's version when handed over: a later state change (a pause,
                                           -- an abort) makes the handover stale, and the operator's action stands

-- The takeover check runs on every node every second: it reads this (nearly always empty) index only.
CREATE INDEX sms_batch_handed_over_idx ON sms_batch (id) WHERE handed_over_by IS NOT NULL;
