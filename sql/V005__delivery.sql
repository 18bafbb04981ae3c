-- Delivery: retries, receipt matching and the counters of sending.

-- Messages waiting for a retry after a transient failure. Partial, so it holds only those few
-- rows and costs nothing while messages are prepared or sent on the first attempt.
CREATE INDEX sms_message_retry_idx ON sms_message (batch_id, partition_no, next_attempt_at)
    WHERE status = 'RETRYING';

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
