-- Imports (B-8): runs with progress, per-row errors, row fingerprints so no file creates anything twice, saved mappings.
-- Duplicates (X-1): comparable name keys on leads, contacts and accounts. Working leads (X-2): last contact on the lead.
-- Runs unchanged on PostgreSQL and H2; every table carries tenant_id.

create table crm_import_run (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    owner_id uuid,
    username varchar(100),
    filename varchar(255),
    file_key varchar(80),
    file_sha256 varchar(64),
    file_size bigint default 0 not null,
    file_format varchar(10),
    encoding varchar(40),
    delimiter_char varchar(4),
    bom_bytes integer default 0 not null,
    sep_line boolean default false not null,
    status varchar(20),
    duplicate_policy varchar(20),
    mapping_spec varchar(8000),
    rows_read bigint default 0 not null,
    rows_created bigint default 0 not null,
    rows_updated bigint default 0 not null,
    rows_skipped bigint default 0 not null,
    rows_failed bigint default 0 not null,
    last_line bigint default 0 not null,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    failure_code varchar(200)
);
create index ix_import_run_tenant on crm_import_run (tenant_id);

create table crm_import_row_error (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    run_id uuid,
    line_number bigint default 0 not null,
    column_index integer default 0 not null,
    column_name varchar(200),
    reason varchar(200),
    cell_value varchar(500)
);
create index ix_import_row_error_tenant on crm_import_row_error (tenant_id);

create table crm_import_row_key (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    run_id uuid,
    fingerprint varchar(64),
    identity_key varchar(300),
    lead_id uuid,
    outcome varchar(20)
);
create index ix_import_row_key_tenant on crm_import_row_key (tenant_id);

create table crm_import_template (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    name varchar(120),
    mapping_spec varchar(8000)
);
create index ix_import_template_tenant on crm_import_template (tenant_id);

alter table crm_import_row_key add constraint uq_import_row_fingerprint unique (tenant_id, fingerprint);
alter table crm_import_row_key add constraint uq_import_row_identity unique (tenant_id, identity_key);
create index ix_import_row_key_run on crm_import_row_key (tenant_id, run_id);
create index ix_import_row_key_lead on crm_import_row_key (tenant_id, lead_id);
create index ix_import_row_error_run on crm_import_row_error (tenant_id, run_id, line_number);
create index ix_import_run_owner on crm_import_run (tenant_id, owner_id, created_at);
alter table crm_import_template add constraint uq_import_template_name unique (tenant_id, name);

alter table crm_lead add column last_contacted_at timestamp with time zone;
alter table crm_lead add column company_key varchar(200);
alter table crm_lead add column person_key varchar(250);
alter table crm_account add column name_key varchar(200);
alter table crm_contact add column person_key varchar(250);
create index ix_lead_company_key on crm_lead (tenant_id, company_key);
create index ix_lead_person_key on crm_lead (tenant_id, person_key);
create index ix_lead_phone on crm_lead (tenant_id, phone);
create index ix_account_name_key on crm_account (tenant_id, name_key);
create index ix_account_phone on crm_account (tenant_id, phone);
create index ix_contact_person_key on crm_contact (tenant_id, person_key);
create index ix_contact_phone on crm_contact (tenant_id, phone);
create index ix_contact_mobile on crm_contact (tenant_id, mobile);
