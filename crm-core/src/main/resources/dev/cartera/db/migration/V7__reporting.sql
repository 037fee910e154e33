-- Reporting (issue 8): saved custom report definitions (X-16) and report panels that show several together.
-- Runs unchanged on PostgreSQL and H2. Every row carries tenant_id; the definition is JSON text whose
-- field names are checked against the reporting whitelist whenever it is run.

create table crm_report_definition (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    name varchar(200) not null,
    owner_id uuid,
    shared boolean default false not null,
    record_type varchar(30) not null,
    definition varchar(30000) not null
);
create index ix_report_definition_owner on crm_report_definition (tenant_id, owner_id);
create index ix_report_definition_shared on crm_report_definition (tenant_id, shared);

create table crm_report_panel (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    name varchar(200) not null,
    owner_id uuid,
    shared boolean default false not null
);
create index ix_report_panel_owner on crm_report_panel (tenant_id, owner_id);

create table crm_report_panel_item (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    panel_id uuid not null,
    definition_id uuid not null,
    position integer default 0 not null
);
create index ix_report_panel_item on crm_report_panel_item (tenant_id, panel_id, position);
alter table crm_report_panel_item add constraint fk_report_panel_item_panel foreign key (panel_id) references crm_report_panel (id);
alter table crm_report_panel_item add constraint fk_report_panel_item_definition foreign key (definition_id) references crm_report_definition (id);

-- Report queries filter deals by close or creation time and activities by completion time within a tenant.
create index ix_opportunity_closed on crm_opportunity (tenant_id, status, closed_at);
create index ix_opportunity_created on crm_opportunity (tenant_id, created_at);
create index ix_activity_completed on crm_activity (tenant_id, status, completed_at);
create index ix_lead_converted on crm_lead (tenant_id, converted_at);
