-- When the receipt that decided a message reached the engine, to the millisecond; delivered_at is the
-- carrier's own done date, which SMPP receipts carry to the minute. Not indexed: status updates stay HOT.
ALTER TABLE sms_message ADD COLUMN receipt_at TIMESTAMPTZ;
