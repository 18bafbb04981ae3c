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

-- Audiences: stored recipient lists (their CSV, in chunks like a batch's upload) that campaigns reuse.
CREATE TABLE sms_audience (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          TEXT         NOT NULL,
    region        VARCHAR(2)   NOT NULL,
    phone_column  TEXT         NOT NULL,
    state         VARCHAR(16)  NOT NULL,            -- VALIDATING, READY, FAILED
    upload_bytes  BIGINT       NOT NULL DEFAULT 0,
    row_count     BIGINT       NOT NULL DEFAULT 0,
    valid         BIGINT       NOT NULL DEFAULT 0,
    invalid       BIGINT       NOT NULL DEFAULT 0,
    duplicates    BIGINT       NOT NULL DEFAULT 0,
    error         TEXT,
    created_by    TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    deleted_at    TIMESTAMPTZ
);
CREATE TABLE sms_audience_chunk (
    audience_id BIGINT  NOT NULL REFERENCES sms_audience (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    data        BYTEA   NOT NULL,
    PRIMARY KEY (audience_id, seq)
);
ALTER TABLE sms_audience_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
-- Valid numbers of an audience while its duplicates are counted (set-wise, constant memory); emptied after.
CREATE TABLE sms_audience_phone (
    audience_id BIGINT      NOT NULL,
    phone       VARCHAR(20) NOT NULL
);
CREATE INDEX sms_audience_phone_idx ON sms_audience_phone (audience_id);

-- Cron campaigns: each firing creates a batch from the audience and starts it once prepared.
CREATE TABLE sms_campaign (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         TEXT         NOT NULL,
    cron         TEXT         NOT NULL,            -- Quartz cron: seconds minutes hours day-of-month month day-of-week [year]
    timezone     TEXT         NOT NULL,
    audience_id  BIGINT       NOT NULL REFERENCES sms_audience (id),
    template     TEXT         NOT NULL,
    region       VARCHAR(2)   NOT NULL,
    sender_id    TEXT,
    tps          INTEGER,
    enabled      BOOLEAN      NOT NULL,
    overlap      VARCHAR(16)  NOT NULL,            -- SKIP, QUEUE or ALONGSIDE: a firing while its last batch still runs
    send_window  TEXT,                             -- JSON {from, to, days, timezone}
    created_by   TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    deleted_at   TIMESTAMPTZ
);

-- Every firing of a campaign and what was decided.
CREATE TABLE sms_campaign_firing (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id   BIGINT       NOT NULL REFERENCES sms_campaign (id),
    scheduled_for TIMESTAMPTZ  NOT NULL,
    fired_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    trigger       VARCHAR(16)  NOT NULL,            -- CRON or MANUAL
    actor         TEXT         NOT NULL,
    decision      VARCHAR(16)  NOT NULL,            -- CREATED, QUEUED or SKIPPED
    batch_id      BIGINT,
    reason        TEXT
);
CREATE INDEX sms_campaign_firing_campaign_idx ON sms_campaign_firing (campaign_id, id DESC);

ALTER TABLE sms_batch
    ADD COLUMN campaign_id   BIGINT,
    ADD COLUMN send_window   TEXT,                  -- JSON {from, to, days, timezone}; null: any time
    ADD COLUMN waiting_until TIMESTAMPTZ;           -- delivery waits for the send window until then
CREATE INDEX sms_batch_campaign_idx ON sms_batch (campaign_id, id DESC) WHERE campaign_id IS NOT NULL;

-- A message's recipient time zone (from its number), for send windows in recipient local time.
-- Not indexed: status updates stay HOT.
ALTER TABLE sms_message ADD COLUMN time_zone TEXT;
