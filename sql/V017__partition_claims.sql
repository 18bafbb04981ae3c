-- Which node runs each partition of a step spread over the cluster (remote partitioning over a
-- broker). A request the broker delivers again (its node died, or it was sent twice) finds the claim:
-- it runs only when the claimant is dead and the partition is still unfinished, so a partition never
-- runs on two nodes at once. A claim is removed when its partition ends on its node.
CREATE TABLE sms_partition_claim (
    step_execution_id BIGINT       PRIMARY KEY,
    job_execution_id  BIGINT       NOT NULL,
    step_name         TEXT         NOT NULL,
    batch_id          BIGINT       NOT NULL,
    partition_no      INT          NOT NULL,
    node_id           TEXT         NOT NULL,
    claimed_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX sms_partition_claim_node ON sms_partition_claim (node_id);

-- Whether a node's broker connection is up, as its heartbeat last saw it (null: no broker configured).
ALTER TABLE sms_node ADD COLUMN broker_connected BOOLEAN;
