-- Issue 6: configurable pipelines (required fields per stage, lost reasons), the catalogue and
-- quotes a customer accepts through a signed link. Runs unchanged on PostgreSQL and H2.

-- X-18: the deal fields a stage asks for, as a comma-separated list of DealField names.
alter table crm_stage add column required_fields varchar(500);

create table crm_lost_reason (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    name varchar(120),
    position integer default 0 not null,
    active boolean default false not null
);
create index ix_lost_reason_tenant on crm_lost_reason (tenant_id);
alter table crm_lost_reason add constraint uq_lost_reason_name unique (tenant_id, name);

-- Stuck deals: open deals of a stage that entered it before a cut-off.
create index ix_opportunity_stage_entered on crm_opportunity (tenant_id, status, stage_id, stage_entered_at);

-- Quotes: recargo de equivalencia for retailers, a title, the customer's decision and the PDF sent.
alter table crm_quote add column title varchar(200);
alter table crm_quote add column equivalence_surcharge boolean default false not null;
alter table crm_quote add column decision_note varchar(1000);
alter table crm_quote add column pdf_document_id uuid;
alter table crm_quote add constraint uq_quote_number_version unique (tenant_id, number, version_no);

alter table crm_quote_line add column unit varchar(20);
alter table crm_quote_line add column surcharge_code varchar(20);
alter table crm_quote_line add column surcharge_rate numeric(19,4);
alter table crm_quote_line add column global_discount_share numeric(19,4);
alter table crm_quote_line add column line_total numeric(19,4);

create index ix_price_list_segment on crm_price_list (tenant_id, segment);
