-- Case list for reviewers and operators: one row per applicant with its stage; no PII (names stay in the grain).
CREATE TABLE IF NOT EXISTS ekyc_applicants (
    applicant_id  VARCHAR(36) NOT NULL PRIMARY KEY,
    stage         VARCHAR(32) NOT NULL,
    risk_tier     VARCHAR(16) NOT NULL,
    reason_codes  VARCHAR(2000) NOT NULL DEFAULT '',
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    version       BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_ekyc_applicants_stage ON ekyc_applicants (stage, updated_at);
