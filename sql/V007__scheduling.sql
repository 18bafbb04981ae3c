-- Scheduling and housekeeping.

-- When a finished batch's messages, rejects, recipients and upload were purged (retention); the
-- batch row, its counts and its audit stay.
ALTER TABLE sms_batch ADD COLUMN purged_at TIMESTAMPTZ;

-- What each housekeeping run did, and on which node (ShedLock keeps a task to one node at a time).
CREATE TABLE sms_housekeeping_run (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task        VARCHAR(64)  NOT NULL,
    node        TEXT         NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    affected    BIGINT       NOT NULL
);
CREATE INDEX sms_housekeeping_run_task_idx ON sms_housekeeping_run (task, id DESC);
