-- The opt-out list newest first, whole or of one source (GET /api/v1/opt-outs): each source's entries
-- in the order a page shows them, so a page is an index range read backwards whatever the statistics,
-- never a sort of millions of entries. The whole list merges the three sources' ranges (see
-- OptOutQueryMapper.xml). New entries go to the range's newest end.
CREATE INDEX sms_opt_out_newest_idx ON sms_opt_out (source, created_at DESC, phone DESC);
