-- Review before launch: whether a batch waits for an approver once prepared is decided when it is
-- created (sms.review.required then), so that every node judges it alike, and a change of the setting
-- (or a rolling deploy that turns it on) applies to new batches, never to one half-way.
ALTER TABLE sms_batch ADD COLUMN review_required boolean NOT NULL DEFAULT false;
