-- Who tried to log in and failed, who was locked out, and who looked a phone number up: the durable
-- record of the engine's edges (the log has a line for each too). Every node counts from these rows,
-- so a limit holds across the cluster; none of them needs Redis.

-- A failed login (form or HTTP Basic): counted per user name (known or not: the answer never tells)
-- and per address. A later successful login of the user clears its failures from the user's count.
CREATE TABLE login_failure (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    username   text        NOT NULL,
    ip         text        NOT NULL,
    channel    text        NOT NULL,     -- form | basic
    reason     text        NOT NULL,     -- bad_password | unknown_user
    cleared_at timestamptz
);
CREATE INDEX login_failure_by_user ON login_failure (username, at);
CREATE INDEX login_failure_by_ip ON login_failure (ip, at);

-- A lock-out: a user name or an address that reached its limit of failures, refused until "until".
CREATE TABLE login_lock (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind      text        NOT NULL CHECK (kind IN ('user', 'ip')),
    subject   text        NOT NULL,
    locked_at timestamptz NOT NULL,
    until     timestamptz NOT NULL,
    failures  int         NOT NULL
);
CREATE INDEX login_lock_by_subject ON login_lock (kind, subject, until);
-- every node reads the lock-outs that run every second (LoginThrottle): by their end, not the history
CREATE INDEX login_lock_running ON login_lock (until);

-- A lookup of a whole phone number by a user who sees phones masked (an opt-out, an inbound filter):
-- the audit of it, and the count its limit is kept by.
CREATE TABLE phone_lookup (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL,
    username text        NOT NULL,
    endpoint text        NOT NULL,
    phone    text        NOT NULL
);
CREATE INDEX phone_lookup_by_user ON phone_lookup (username, at);
