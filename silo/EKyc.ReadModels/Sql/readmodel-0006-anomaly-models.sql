-- The anomaly model's training data and versions. Samples are feature vectors only (no account id, no event id):
-- the model learns what normal activity looks like, not whose. Models are ML.NET RandomizedPca files with a header.
CREATE TABLE IF NOT EXISTS ekyc_feature_samples (
    sample_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    taken_at    BIGINT        NOT NULL,
    features    VARCHAR(4000) NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_ekyc_feature_samples_taken ON ekyc_feature_samples (taken_at);
CREATE TABLE IF NOT EXISTS ekyc_anomaly_models (
    version     VARCHAR(64)   NOT NULL PRIMARY KEY,
    created_at  BIGINT        NOT NULL,
    samples     INTEGER       NOT NULL,
    model       BYTEA         NOT NULL
);
