-- Rules (crm-rules): rule sets and their versions, round-robin positions, the execution log, task handovers during absences.
-- The entities live in crm-rules; the tables ship here so one Flyway history covers every Cartera table. H2 and PostgreSQL.

create table crm_rule_rotation (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    team_id uuid,
    last_user_id uuid,
    turns bigint default 0 not null
);
create index ix_rule_rotation_tenant on crm_rule_rotation (tenant_id);

create table crm_rule_execution (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    kind varchar(30),
    rule_set_id uuid,
    version_id uuid,
    rule_name varchar(200),
    trigger_name varchar(40),
    record_type varchar(30),
    record_id uuid,
    user_id uuid,
    dedupe_key varchar(300),
    outcome varchar(2000),
    executed_at timestamp with time zone
);
create index ix_rule_execution_tenant on crm_rule_execution (tenant_id);

create table crm_rule_set (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    kind varchar(30),
    name varchar(120),
    active_version_id uuid
);
create index ix_rule_set_tenant on crm_rule_set (tenant_id);

create table crm_rule_set_version (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    rule_set_id uuid,
    version_no integer default 0 not null,
    status varchar(30),
    definition varchar(200000),
    raw_drl varchar(200000),
    comment varchar(500),
    activated_at timestamp with time zone,
    activated_by varchar(100),
    archived_at timestamp with time zone
);
create index ix_rule_set_version_tenant on crm_rule_set_version (tenant_id);

create table crm_rule_task_handover (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    task_id uuid,
    from_user_id uuid,
    to_user_id uuid,
    absent_from date,
    absent_until date,
    handed_at timestamp with time zone,
    settled_at timestamp with time zone,
    state varchar(30)
);
create index ix_rule_task_handover_tenant on crm_rule_task_handover (tenant_id);

create unique index ux_rule_set_kind on crm_rule_set (tenant_id, kind);
create unique index ux_rule_set_version_no on crm_rule_set_version (rule_set_id, version_no);
create unique index ux_rule_rotation_team on crm_rule_rotation (tenant_id, team_id);
create index ix_rule_execution_record on crm_rule_execution (tenant_id, record_id);
create index ix_rule_execution_dedupe on crm_rule_execution (tenant_id, dedupe_key);
create index ix_rule_task_handover_from on crm_rule_task_handover (tenant_id, from_user_id);
