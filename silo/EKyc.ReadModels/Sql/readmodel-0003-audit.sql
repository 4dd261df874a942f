-- Append-only audit trail. Each row's hash covers its content and the previous row's hash, so any change, deletion
-- or reordering of past rows breaks the chain from that point on (verified by `./ekyc audit verify`).
-- details holds ids and codes only, never personal data.
CREATE TABLE IF NOT EXISTS ekyc_audit (
    seq           BIGINT       NOT NULL PRIMARY KEY,
    at            BIGINT       NOT NULL,
    actor_kind    VARCHAR(32)  NOT NULL,
    actor_id      VARCHAR(200) NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    subject_type  VARCHAR(32)  NOT NULL,
    subject_id    VARCHAR(200) NOT NULL,
    details       VARCHAR(4000) NOT NULL,
    prev_hash     VARCHAR(64)  NOT NULL,
    hash          VARCHAR(64)  NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_ekyc_audit_subject ON ekyc_audit (subject_type, subject_id, seq);
