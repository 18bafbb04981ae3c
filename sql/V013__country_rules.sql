-- A batch's own country rule (SMS-pumping protection): "allow:US,CA" or "deny:NG"; NULL: the engine's
-- (sms.countries). Read once by validation, which rejects numbers outside it as country_blocked.
ALTER TABLE sms_batch ADD COLUMN countries TEXT;
