-- Evidence: document images, portrait crops, selfies and face templates, each sealed with the envelope cipher (the
-- associated data binds a ciphertext to its row, so a sealed blob cannot be moved to another applicant). BYTEA is a
-- binary column in PostgreSQL and a BLOB-storing column in SQLite.
CREATE TABLE IF NOT EXISTS ekyc_evidence (
    evidence_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    applicant_id  VARCHAR(64)  NOT NULL,
    kind          VARCHAR(64)  NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    sealed        BYTEA        NOT NULL,
    stored_at     BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_ekyc_evidence_applicant ON ekyc_evidence (applicant_id, kind);
