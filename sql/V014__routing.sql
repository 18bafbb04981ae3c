-- Routing (issue 12): messages across several providers by route rules, providers switched on and off
-- by an operator for the whole cluster, and what a batch costs.

-- The region of each number (ISO 3166 alpha-2), found by validation where the number is parsed anyway;
-- routes, prices and the forecast read it, so delivery never parses a number again. NULL for rows
-- written before this migration (looked up then).
ALTER TABLE sms_recipient ADD COLUMN country VARCHAR(2);
ALTER TABLE sms_message ADD COLUMN country VARCHAR(2);

-- A provider an operator disabled (or enabled again): every node reads it, so one call drains the
-- provider cluster-wide. No row: enabled.
CREATE TABLE sms_provider_state (
    name       VARCHAR(64) PRIMARY KEY,
    enabled    BOOLEAN     NOT NULL,
    changed_by TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason     TEXT
);

-- Who switched a provider off or on, when and why.
CREATE TABLE sms_provider_event (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider VARCHAR(64) NOT NULL,
    action   VARCHAR(16) NOT NULL,
    actor    TEXT        NOT NULL,
    reason   TEXT,
    at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sms_provider_event_provider_idx ON sms_provider_event (provider, id DESC);

-- What a batch will cost (written when preparation ends: totals and by country, as JSON), what it may
-- cost (NULL: no limit), and what its accepted messages cost so far, in sms.routing.currency.
-- A batch's tag: a label route rules may select it by (sms.routing.routes[].tags).
ALTER TABLE sms_batch
    ADD COLUMN tag      TEXT,
    ADD COLUMN forecast JSONB,
    ADD COLUMN budget   NUMERIC(18, 6),
    ADD COLUMN cost     NUMERIC(20, 6) NOT NULL DEFAULT 0;
