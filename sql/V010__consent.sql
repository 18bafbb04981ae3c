-- Consent: who opted out and why, what they sent us, how often a number may be sent to, and until when
-- a batch may send at all.

-- An opted-out number. source: api, import or keyword; for a keyword the inbound message that caused
-- it, for an import the import. created_at is the clock at the insert (not the transaction's start):
-- other nodes follow the newest entries by it (sms_opt_out_event).
UPDATE sms_opt_out SET source = 'api' WHERE source IS NULL OR source NOT IN ('api', 'import', 'keyword');
ALTER TABLE sms_opt_out
    ALTER COLUMN source SET DEFAULT 'api',
    ALTER COLUMN source SET NOT NULL,
    ADD COLUMN reason     TEXT,
    ADD COLUMN inbound_id BIGINT,
    ADD COLUMN import_id  BIGINT,
    ADD COLUMN created_by TEXT NOT NULL DEFAULT 'system',
    ALTER COLUMN created_at SET DEFAULT clock_timestamp();

-- Every change of the list: an entry added or removed (one row each), an import (one row for the
-- whole import, naming it; its entries carry its id). It is the audit trail, and the feed every node
-- polls to learn of new opt-outs within a fraction of a second (by at, an index range of the last
-- moments; imports are left to the per-page screening, which reads the list itself).
CREATE TABLE sms_opt_out_event (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone      VARCHAR(20),
    action     VARCHAR(16) NOT NULL,              -- added, removed, imported
    source     VARCHAR(16) NOT NULL,              -- api, import, keyword
    reason     TEXT,
    inbound_id BIGINT,
    import_id  BIGINT,
    actor      TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX sms_opt_out_event_at_idx ON sms_opt_out_event (at);
CREATE INDEX sms_opt_out_event_phone_idx ON sms_opt_out_event (phone, id DESC) WHERE phone IS NOT NULL;

-- An import of a CSV of numbers to opt out: the file is read and checked in the request (its valid
-- numbers staged, in row order), then merged into the list in slices by any node.
CREATE TABLE sms_opt_out_import (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state        VARCHAR(16) NOT NULL,            -- RUNNING, DONE, FAILED
    region       VARCHAR(2)  NOT NULL,
    phone_column TEXT        NOT NULL,
    reason       TEXT,
    rows         BIGINT      NOT NULL DEFAULT 0,
    added        BIGINT      NOT NULL DEFAULT 0,
    already      BIGINT      NOT NULL DEFAULT 0,
    invalid      BIGINT      NOT NULL DEFAULT 0,
    merged_row   INTEGER     NOT NULL DEFAULT 0,  -- staged rows up to this one are merged
    error        TEXT,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ
);
CREATE INDEX sms_opt_out_import_running_idx ON sms_opt_out_import (updated_at) WHERE state = 'RUNNING';

CREATE TABLE sms_opt_out_staging (
    import_id BIGINT      NOT NULL,
    row_no    INTEGER     NOT NULL,
    phone     VARCHAR(20) NOT NULL,
    PRIMARY KEY (import_id, row_no)
);

-- Rows of an import whose number could not be read (the first ones of each import are kept).
CREATE TABLE sms_opt_out_import_problem (
    import_id BIGINT  NOT NULL,
    row_no    INTEGER NOT NULL,
    message   TEXT    NOT NULL,
    PRIMARY KEY (import_id, row_no)
);

-- A message received (MO): as decoded and reassembled, the keyword it matched and what was done,
-- the batch that last sent to that number from that address, and the reply sent, if any.
CREATE TABLE sms_inbound (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_phone          VARCHAR(24)  NOT NULL,
    to_address          VARCHAR(24)  NOT NULL,
    text                TEXT         NOT NULL,
    keyword             VARCHAR(8),                -- STOP, START, HELP
    action              VARCHAR(16)  NOT NULL,     -- opted_out, opted_in, replied, none
    provider            VARCHAR(64)  NOT NULL,
    batch_id            BIGINT,
    received_at         TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    reply_text          TEXT,
    reply_status        VARCHAR(16),               -- SENT, FAILED
    reply_message_id    VARCHAR(128),
    reply_error         TEXT,
    replied_at          TIMESTAMPTZ
);
CREATE INDEX sms_inbound_phone_idx ON sms_inbound (from_phone, id DESC);
CREATE INDEX sms_inbound_batch_idx ON sms_inbound (batch_id, id DESC) WHERE batch_id IS NOT NULL;
CREATE INDEX sms_inbound_keyword_idx ON sms_inbound (keyword, id DESC) WHERE keyword IS NOT NULL;

-- The batch that last claimed a message to a number from a sender ('' for the provider's default):
-- what an inbound message is linked to. Upserted per claimed page.
CREATE TABLE sms_contact (
    phone      VARCHAR(20) NOT NULL,
    sender     TEXT        NOT NULL,
    batch_id   BIGINT      NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (phone, sender)
);

-- When a number was last sent to, newest first, as many as the largest frequency cap needs, and by which
-- batch: the caps are judged and a slot taken in one upsert per page, the row lock ordering concurrent
-- batches. A batch sends a number once, so a batch that holds a slot (a retry, a message put back at a
-- pause or deferred to its window) is never charged a second.
CREATE TABLE sms_frequency (
    phone   VARCHAR(20) PRIMARY KEY,
    sends   TIMESTAMPTZ[] NOT NULL,
    batches BIGINT[]      NOT NULL
);

ALTER TABLE sms_batch
    ADD COLUMN suppressed    BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN valid_until   TIMESTAMPTZ,
    ADD COLUMN transactional BOOLEAN     NOT NULL DEFAULT false;

ALTER TABLE sms_campaign
    ADD COLUMN valid_for     TEXT,                -- ISO-8601 duration after each firing; null: no limit
    ADD COLUMN transactional BOOLEAN     NOT NULL DEFAULT false;
