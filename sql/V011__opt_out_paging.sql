-- The opt-out list newest first, whole or of one source (GET /api/v1/opt-outs): each source's entries
-- in time order, so a page (newest first) is an index range read backwards whatever the statistics,
-- never a sort of millions of entries. The whole list merges the three sources' ranges (see
-- OptOutQueryMapper.xml). New entries go to the end of their range, where a B-tree adds keys cheapest (a descending index would split its first page over and over).
CREATE INDEX sms_opt_out_newest_idx ON sms_opt_out (source, created_at, phone);
