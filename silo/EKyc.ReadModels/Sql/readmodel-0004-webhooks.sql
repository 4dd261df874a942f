-- Webhooks: client endpoints (secrets sealed with the envelope cipher), the outbox of events, and one delivery row
-- per event and endpoint, which is also the delivery log. Event payloads carry ids and codes, never personal data.
CREATE TABLE IF NOT EXISTS ekyc_webhook_endpoints (
    endpoint_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id     VARCHAR(200)  NOT NULL,
    url           VARCHAR(2000) NOT NULL,
    secret_sealed VARCHAR(1000) NOT NULL,
    event_types   VARCHAR(1000) NOT NULL,
    active        INTEGER       NOT NULL,
    created_at    BIGINT        NOT NULL
);
CREATE TABLE IF NOT EXISTS ekyc_outbox (
    event_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
    event_type  VARCHAR(64)   NOT NULL,
    subject_id  VARCHAR(200)  NOT NULL,
    payload     VARCHAR(8000) NOT NULL,
    created_at  BIGINT        NOT NULL
);
CREATE TABLE IF NOT EXISTS ekyc_webhook_deliveries (
    event_id        VARCHAR(64)  NOT NULL,
    endpoint_id     VARCHAR(64)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    last_status     INTEGER      NULL,
    last_error      VARCHAR(500) NULL,
    delivered_at    BIGINT       NULL,
    PRIMARY KEY (event_id, endpoint_id)
);
CREATE INDEX IF NOT EXISTS ix_ekyc_webhook_deliveries_due ON ekyc_webhook_deliveries (status, next_attempt_at);
