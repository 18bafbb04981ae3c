-- What a batch's test-sends have used of their limits: calls (sms.review.max-test-sends) and the distinct
-- seed numbers named (sms.review.max-seeds), over all its calls. A call is judged and taken in one upsert of
-- this row, whose lock orders concurrent calls on every node: two calls can never both take the last one.
CREATE TABLE sms_test_send (
    batch_id BIGINT PRIMARY KEY REFERENCES sms_batch (id) ON DELETE CASCADE,
    calls    INT    NOT NULL,
    seeds    TEXT[] NOT NULL     -- E.164, sorted, each once
);
