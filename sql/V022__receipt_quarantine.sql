-- Receipts the database would not take, set aside so that the others are applied: each with what it came as and
-- why it failed (GET /api/v1/receipts/quarantine). A receipt that failed used to go back to the inbox with every
-- receipt of its pass, and fail them all again every 200 ms, for ever.
CREATE TABLE sms_receipt_quarantine (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider            VARCHAR(64)  NOT NULL,
    provider_message_id VARCHAR(64)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    raw                 TEXT,
    error               TEXT         NOT NULL,
    received_at         TIMESTAMPTZ  NOT NULL,
    quarantined_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX sms_receipt_quarantine_time_idx ON sms_receipt_quarantine (quarantined_at);

-- The parts of a long message that receipts reported delivered (parts_delivered is their count): a part's receipt
-- that comes twice counts once. Null until a part of a long message is reported; no rewrite of the table.
ALTER TABLE sms_message ADD COLUMN delivered_parts SMALLINT[];
