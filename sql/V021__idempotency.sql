-- Requests made with an Idempotency-Key (every POST and PATCH under /api/v1, API.md "Idempotency"). The
-- first request with a key claims its row (INSERT ... ON CONFLICT: one claim wins on whichever node) and,
-- once answered, leaves its response here; a retry with the same key and the same request gets that
-- response again. Kept sms.idempotency.keep (24 h) after the claim; housekeeping deletes older rows.
CREATE TABLE sms_idempotency_key (
    scope          TEXT         NOT NULL,   -- whose key: the user's name (their account, once accounts exist)
    idem_key       TEXT         NOT NULL,   -- the client's Idempotency-Key
    method         TEXT         NOT NULL,
    path           TEXT         NOT NULL,   -- with its query string
    claim          UUID         NOT NULL,   -- this claim of the key: only its holder completes or releases it
    node_id        TEXT         NOT NULL,   -- the node running the request (sms_node)
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    work_committed BOOLEAN      NOT NULL DEFAULT false,   -- a transaction of the request has committed
    -- the answer, null while the request runs
    request_digest BYTEA,                   -- SHA-256 of the method, path, media type and body
    status         INT,
    content_type   TEXT,
    location       TEXT,
    body           BYTEA,
    completed_at   TIMESTAMPTZ,
    PRIMARY KEY (scope, idem_key)
);
-- housekeeping walks the expired rows along it, a window at a time
CREATE INDEX sms_idempotency_key_created ON sms_idempotency_key (created_at);
