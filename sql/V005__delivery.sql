-- Delivery: retries, receipt matching and the counters of sending.

-- Messages waiting for a retry after a transient failure, and when it is due. A table of its own
-- rather than an index on sms_message: any index touching status (even a partial one) would make
-- every status update of a message a non-HOT update.
CREATE TABLE sms_retry (
    batch_id     BIGINT      NOT NULL,
    partition_no INTEGER     NOT NULL,
    message_id   BIGINT      NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (batch_id, partition_no, message_id)
);
CREATE INDEX sms_retry_due_idx ON sms_retry (batch_id, partition_no, due_at);

-- A message is updated about three times (SENDING, SENT, DELIVERED). Free room in each page lets
-- those be HOT updates (only the never-changing key is indexed): the new version stays in the page,
-- no index entry is added, and the old one is pruned without waiting for vacuum.
ALTER TABLE sms_message SET (fillfactor = 50);

-- Parts delivered so far, from receipts: a message is DELIVERED when all its parts are.
ALTER TABLE sms_message ADD COLUMN parts_delivered SMALLINT NOT NULL DEFAULT 0;

-- Messages that failed after the provider accepted them (receipts: UNDELIVERED, EXPIRED, REJECTED),
-- apart from those that failed at submission, so progress can count what was submitted.
ALTER TABLE sms_batch ADD COLUMN send_failed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sms_batch ADD COLUMN undelivered BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sms_batch ADD COLUMN provider VARCHAR(64);

-- A receipt names only the provider's id of one part; this maps it back to the message and part.
-- Written by COPY when a part is accepted (no index on sms_message to maintain), so status
-- updates of sms_message can stay HOT.
CREATE TABLE sms_receipt_ref (
    provider            VARCHAR(64)  NOT NULL,
    provider_message_id VARCHAR(128) NOT NULL,
    batch_id            BIGINT       NOT NULL,
    partition_no        INTEGER      NOT NULL,
    message_id          BIGINT       NOT NULL,
    part                SMALLINT     NOT NULL,
    PRIMARY KEY (provider, provider_message_id)
);
-- The parts of a message already accepted, so a retry sends only the others.
CREATE INDEX sms_receipt_ref_message_idx ON sms_receipt_ref (batch_id, message_id);
