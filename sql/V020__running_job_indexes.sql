-- Recovery looks for the job executions still running (lost with their node) on one node every check
-- interval (15 s), and a node for its own at start-up and shutdown. Spring Batch's table has no index on
-- an execution's status, and sms_batch none on its execution, so each look read every batch and every
-- execution ever run: linear in the history, not in what runs (StatementPlansIT,
-- recoveryAndTheClusterReadWhatRunsNotTheHistory). The unfinished executions are a handful at any time;
-- this index holds only them, and an execution leaves it when it ends.
CREATE INDEX IF NOT EXISTS batch_job_execution_unfinished ON batch_job_execution (job_execution_id)
    WHERE status IN ('STARTING', 'STARTED', 'STOPPING');
CREATE INDEX IF NOT EXISTS sms_batch_job_execution ON sms_batch (job_execution_id);
