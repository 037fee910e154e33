-- Per-user alert preferences (KD-6): which kinds show in the app, which also go by e-mail.

create table crm_alert_preference (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    user_id uuid,
    kind varchar(30),
    in_app boolean default false not null,
    email boolean default false not null
);
create index ix_alert_preference_tenant on crm_alert_preference (tenant_id);

create unique index uq_alert_preference on crm_alert_preference (tenant_id, user_id, kind);
