-- Tenant isolation in the read models: each client platform (tenant) lists only its own applicants and accounts.
ALTER TABLE ekyc_applicants ADD COLUMN tenant_id VARCHAR(64) NULL;
ALTER TABLE ekyc_account_flags ADD COLUMN tenant_id VARCHAR(64) NULL;
CREATE INDEX IF NOT EXISTS ix_ekyc_applicants_tenant ON ekyc_applicants (tenant_id, stage);
CREATE INDEX IF NOT EXISTS ix_ekyc_account_flags_tenant ON ekyc_account_flags (tenant_id, flagged_at);
