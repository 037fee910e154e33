-- Cartera core schema: users and teams, accounts and contacts, leads, pipelines and opportunities, activities, audit.
-- Runs unchanged on PostgreSQL and H2. Every table carries tenant_id; every query filters on it.

create table crm_office (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    name varchar(120),
    city varchar(120)
);
create index ix_office_tenant on crm_office (tenant_id);

create table crm_team (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    name varchar(120),
    office_id uuid,
    manager_id uuid
);
create index ix_team_tenant on crm_team (tenant_id);

create table crm_user (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    username varchar(100),
    display_name varchar(200),
    email varchar(254),
    role varchar(30),
    team_id uuid,
    office_id uuid,
    active boolean default false not null,
    locale varchar(10),
    absent_from date,
    absent_until date
);
create index ix_user_tenant on crm_user (tenant_id);

create table crm_target (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    indicator varchar(40),
    period_start date,
    period_end date,
    user_id uuid,
    team_id uuid,
    office_id uuid,
    target_value numeric(19,4)
);
create index ix_target_tenant on crm_target (tenant_id);

create table crm_account (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    kind varchar(30),
    name varchar(200),
    legal_name varchar(200),
    tax_id varchar(20),
    email varchar(254),
    phone varchar(30),
    website varchar(300),
    street varchar(200),
    city varchar(120),
    postcode varchar(10),
    province varchar(80),
    country varchar(2),
    industry varchar(80),
    employees integer,
    is_customer boolean default false not null,
    is_supplier boolean default false not null,
    is_partner boolean default false not null,
    owner_id uuid,
    origin_lead_id uuid,
    source varchar(40),
    segment varchar(40),
    notes varchar(4000),
    last_contacted_at timestamp with time zone
);
create index ix_account_tenant on crm_account (tenant_id);

create table crm_contact (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    account_id uuid,
    first_name varchar(100),
    last_name varchar(150),
    job_title varchar(120),
    email varchar(254),
    phone varchar(30),
    mobile varchar(30),
    language varchar(5),
    owner_id uuid,
    origin_lead_id uuid,
    notes varchar(4000)
);
create index ix_contact_tenant on crm_contact (tenant_id);

create table crm_lead (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    first_name varchar(100),
    last_name varchar(150),
    company_name varchar(200),
    job_title varchar(120),
    email varchar(254),
    phone varchar(30),
    tax_id varchar(20),
    source varchar(40),
    campaign_id uuid,
    status varchar(30),
    owner_id uuid,
    street varchar(200),
    city varchar(120),
    postcode varchar(10),
    province varchar(80),
    country varchar(2),
    language varchar(5),
    company_size integer,
    product_interest varchar(200),
    notes varchar(4000),
    disqualify_reason varchar(200),
    assigned_at timestamp with time zone,
    converted_at timestamp with time zone,
    converted_account_id uuid,
    converted_contact_id uuid,
    converted_opportunity_id uuid
);
create index ix_lead_tenant on crm_lead (tenant_id);

create table crm_pipeline (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    name varchar(120),
    is_default boolean default false not null
);
create index ix_pipeline_tenant on crm_pipeline (tenant_id);

create table crm_stage (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    pipeline_id uuid,
    name varchar(120),
    position integer default 0 not null,
    probability integer default 0 not null,
    time_limit_days integer,
    kind varchar(30)
);
create index ix_stage_tenant on crm_stage (tenant_id);

create table crm_opportunity (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    name varchar(200),
    account_id uuid,
    contact_id uuid,
    pipeline_id uuid,
    stage_id uuid,
    amount numeric(19,4),
    currency varchar(3),
    expected_close_date date,
    owner_id uuid,
    source varchar(40),
    origin_lead_id uuid,
    campaign_id uuid,
    status varchar(30),
    lost_reason varchar(200),
    closed_at timestamp with time zone,
    stage_entered_at timestamp with time zone,
    description varchar(4000)
);
create index ix_opportunity_tenant on crm_opportunity (tenant_id);

create table crm_stage_change (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    opportunity_id uuid,
    from_stage_id uuid,
    to_stage_id uuid,
    changed_at timestamp with time zone,
    changed_by varchar(100),
    automatic boolean default false not null
);
create index ix_stage_change_tenant on crm_stage_change (tenant_id);

create table crm_activity (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    type varchar(30),
    subject varchar(200),
    description varchar(4000),
    related_type varchar(30),
    related_id uuid,
    account_id uuid,
    status varchar(30),
    priority varchar(30),
    owner_id uuid,
    due_at timestamp with time zone,
    start_at timestamp with time zone,
    end_at timestamp with time zone,
    completed_at timestamp with time zone,
    outcome varchar(500),
    duration_minutes integer,
    parent_id uuid,
    automatic boolean default false not null
);
create index ix_activity_tenant on crm_activity (tenant_id);

create table crm_audit (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    occurred_at timestamp with time zone not null,
    username varchar(100) not null,
    action varchar(40) not null,
    record_type varchar(30) not null,
    record_id uuid not null,
    details varchar(4000)
);
create index ix_audit_record on crm_audit (tenant_id, record_type, record_id);

alter table crm_user add constraint uq_user_username unique (tenant_id, username);
create index ix_account_owner on crm_account (tenant_id, owner_id);
create index ix_account_tax_id on crm_account (tenant_id, tax_id);
create index ix_account_email on crm_account (tenant_id, email);
create index ix_account_name on crm_account (tenant_id, name);
create index ix_contact_account on crm_contact (tenant_id, account_id);
create index ix_contact_email on crm_contact (tenant_id, email);
create index ix_lead_owner on crm_lead (tenant_id, owner_id, status);
create index ix_lead_email on crm_lead (tenant_id, email);
create index ix_lead_tax_id on crm_lead (tenant_id, tax_id);
create index ix_lead_created on crm_lead (tenant_id, created_at);
create index ix_stage_pipeline on crm_stage (tenant_id, pipeline_id, position);
create index ix_opportunity_owner on crm_opportunity (tenant_id, owner_id, status);
create index ix_opportunity_account on crm_opportunity (tenant_id, account_id);
create index ix_opportunity_stage on crm_opportunity (tenant_id, stage_id);
create index ix_stage_change_opportunity on crm_stage_change (tenant_id, opportunity_id, changed_at);
create index ix_activity_related on crm_activity (tenant_id, related_type, related_id);
create index ix_activity_account on crm_activity (tenant_id, account_id);
create index ix_activity_owner_due on crm_activity (tenant_id, owner_id, status, due_at);

alter table crm_contact add constraint fk_contact_account foreign key (account_id) references crm_account (id);
alter table crm_stage add constraint fk_stage_pipeline foreign key (pipeline_id) references crm_pipeline (id);
alter table crm_opportunity add constraint fk_opportunity_stage foreign key (stage_id) references crm_stage (id);
alter table crm_opportunity add constraint fk_opportunity_account foreign key (account_id) references crm_account (id);
alter table crm_stage_change add constraint fk_stage_change_opportunity foreign key (opportunity_id) references crm_opportunity (id);
alter table crm_activity add constraint fk_activity_parent foreign key (parent_id) references crm_activity (id);
