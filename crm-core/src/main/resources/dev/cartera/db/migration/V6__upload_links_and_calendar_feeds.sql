-- Customer upload links and calendar feeds: tokens are stored as SHA-256 hashes only.

create table crm_upload_link (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    account_id uuid,
    token_hash varchar(64),
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone,
    upload_count integer default 0 not null,
    max_uploads integer default 0 not null,
    created_for uuid
);
create index ix_upload_link_tenant on crm_upload_link (tenant_id);

create table crm_calendar_feed (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    user_id uuid,
    token_hash varchar(64),
    revoked_at timestamp with time zone
);
create index ix_calendar_feed_tenant on crm_calendar_feed (tenant_id);

create unique index uq_upload_link_token on crm_upload_link (tenant_id, token_hash);
create unique index uq_calendar_feed_token on crm_calendar_feed (tenant_id, token_hash);
create index ix_calendar_feed_user on crm_calendar_feed (tenant_id, user_id);
