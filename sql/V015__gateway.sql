-- GATEWAY providers: phones that pull the messages queued for them over HTTP, send them over their SIM
-- and report each outcome (provider.gateway).

-- A registered phone. Only the SHA-256 of its key is kept: the key itself is shown once, at registration.
-- A revoked device keeps its row (and counts) with enabled = false; its key is refused from then on.
CREATE TABLE sms_gateway_device (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider     VARCHAR(64)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    key_hash     BYTEA        NOT NULL UNIQUE,
    enabled      BOOLEAN      NOT NULL DEFAULT TRUE,
    sent         BIGINT       NOT NULL DEFAULT 0,
    failed       BIGINT       NOT NULL DEFAULT 0,
    created_by   TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX sms_gateway_device_provider_idx ON sms_gateway_device (provider, id);

-- A message a GATEWAY provider accepted: QUEUED until a device leases it (LEASED, until lease_until),
-- then SENT or FAILED as the device reports; a lease that runs out puts it within reach of the next
-- pull. The engine's message and parts are found again by the receipts' ids (id.part, see
-- GatewayProvider), so this table needs no key of sms_message.
CREATE TABLE sms_gateway_message (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider    VARCHAR(64)  NOT NULL,
    reference   BIGINT       NOT NULL,
    destination VARCHAR(32)  NOT NULL,
    sender      TEXT,
    text        TEXT         NOT NULL,
    segments    SMALLINT     NOT NULL,
    parts       SMALLINT[]   NOT NULL,
    receipt     BOOLEAN      NOT NULL,
    valid_until TIMESTAMPTZ,
    state       VARCHAR(8)   NOT NULL DEFAULT 'QUEUED',
    device_id   BIGINT,
    lease_until TIMESTAMPTZ,
    attempts    INTEGER      NOT NULL DEFAULT 0,
    error       TEXT,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    done_at     TIMESTAMPTZ
);
-- What pulls walk (oldest first) and what the queue's capacity counts: the unsent messages only.
CREATE INDEX sms_gateway_message_unsent_idx ON sms_gateway_message (provider, id) WHERE state IN ('QUEUED', 'LEASED');
-- A device's leases, for its revocation and the device list.
CREATE INDEX sms_gateway_message_device_idx ON sms_gateway_message (device_id) WHERE state = 'LEASED';
-- What the retention purge deletes.
CREATE INDEX sms_gateway_message_done_idx ON sms_gateway_message (done_at) WHERE state IN ('SENT', 'FAILED');
