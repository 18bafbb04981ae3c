-- How many of its message's parts a provider id stands for, from sms_receipt_ref.part on: one for an
-- SMPP part (each has its own id and receipt); all of them for a provider that takes a long message
-- whole and splits it itself (HTTP), whose one receipt then settles every part. A fast default: no rewrite.
ALTER TABLE sms_receipt_ref ADD COLUMN parts SMALLINT NOT NULL DEFAULT 1;
