-- Analyst read model: one row per account, projected by the account grain (idempotent, ordered by version).
-- Portable SQL: the same script runs on SQLite and PostgreSQL. Times are Unix milliseconds (UTC).
CREATE TABLE IF NOT EXISTS ekyc_account_flags (
    account_id    VARCHAR(128) NOT NULL PRIMARY KEY,
    applicant_id  VARCHAR(36)  NULL,
    status        VARCHAR(16)  NOT NULL,
    flag_id       VARCHAR(64)  NULL,
    flag_status   VARCHAR(16)  NULL,
    reason_codes  VARCHAR(2000) NOT NULL DEFAULT '',
    risk_score    DOUBLE PRECISION NOT NULL DEFAULT 0,
    flagged_at    BIGINT NULL,
    updated_at    BIGINT NOT NULL,
    version       BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_ekyc_account_flags_status ON ekyc_account_flags (status, flagged_at);
CREATE INDEX IF NOT EXISTS ix_ekyc_account_flags_score ON ekyc_account_flags (risk_score);
