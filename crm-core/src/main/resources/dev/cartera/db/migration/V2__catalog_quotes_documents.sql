-- Catalogue and taxes, quotes, alerts, documents, campaigns, custom fields, consent: the shapes later features fill in.

create table crm_tax (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    code varchar(20),
    name varchar(120),
    kind varchar(30),
    rate numeric(19,4),
    legal_note varchar(500),
    active boolean default false not null
);
create index ix_tax_tenant on crm_tax (tenant_id);

create table crm_product (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    sku varchar(60),
    name varchar(200),
    description varchar(4000),
    unit varchar(20),
    kind varchar(30),
    billing varchar(30),
    recurrence_period varchar(30),
    unit_price numeric(19,4),
    currency varchar(3),
    tax_code varchar(20),
    family varchar(80),
    active boolean default false not null
);
create index ix_product_tenant on crm_product (tenant_id);

create table crm_price_list (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    name varchar(120),
    currency varchar(3),
    segment varchar(40),
    valid_from date,
    valid_to date,
    is_default boolean default false not null
);
create index ix_price_list_tenant on crm_price_list (tenant_id);

create table crm_price_list_item (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    price_list_id uuid,
    product_id uuid,
    unit_price numeric(19,4),
    min_quantity numeric(19,4)
);
create index ix_price_list_item_tenant on crm_price_list_item (tenant_id);

create table crm_quote (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    number varchar(40),
    opportunity_id uuid,
    account_id uuid,
    contact_id uuid,
    price_list_id uuid,
    status varchar(30),
    version_no integer default 0 not null,
    valid_until date,
    currency varchar(3),
    global_discount_percent numeric(19,4),
    global_discount_amount numeric(19,4),
    net_total numeric(19,4),
    tax_total numeric(19,4),
    gross_total numeric(19,4),
    recurring_monthly_total numeric(19,4),
    recurring_yearly_total numeric(19,4),
    owner_id uuid,
    notes varchar(4000),
    sent_at timestamp with time zone,
    viewed_at timestamp with time zone,
    decided_at timestamp with time zone,
    decided_by_name varchar(200),
    decided_from_ip varchar(45),
    public_token_hash varchar(100),
    public_token_expires_at timestamp with time zone
);
create index ix_quote_tenant on crm_quote (tenant_id);

create table crm_quote_line (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    quote_id uuid,
    position integer default 0 not null,
    product_id uuid,
    description varchar(1000),
    quantity numeric(19,4),
    unit_price numeric(19,4),
    discount_percent numeric(19,4),
    discount_amount numeric(19,4),
    tax_code varchar(20),
    tax_rate numeric(19,4),
    billing varchar(30),
    recurrence_period varchar(30),
    line_net numeric(19,4)
);
create index ix_quote_line_tenant on crm_quote_line (tenant_id);

create table crm_alert (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    kind varchar(30),
    severity varchar(30),
    message_key varchar(120),
    message_args varchar(1000),
    record_type varchar(30),
    record_id uuid,
    account_id uuid,
    user_id uuid,
    acknowledged_at timestamp with time zone,
    snoozed_until timestamp with time zone,
    dedupe_key varchar(200)
);
create index ix_alert_tenant on crm_alert (tenant_id);

create table crm_document (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    name varchar(255),
    media_type varchar(120),
    size_bytes bigint default 0 not null,
    sha256 varchar(64),
    storage_key varchar(300),
    external_url varchar(2000),
    category varchar(30),
    version_no integer default 0 not null,
    previous_version_id uuid,
    provided_by_customer boolean default false not null,
    owner_id uuid,
    deleted_at timestamp with time zone
);
create index ix_document_tenant on crm_document (tenant_id);

create table crm_document_link (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    document_id uuid,
    record_type varchar(30),
    record_id uuid
);
create index ix_document_link_tenant on crm_document_link (tenant_id);

create table crm_campaign (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    name varchar(200),
    channel varchar(40),
    status varchar(30),
    start_date date,
    end_date date,
    planned_cost numeric(19,4),
    actual_cost numeric(19,4),
    currency varchar(3),
    owner_id uuid,
    description varchar(4000)
);
create index ix_campaign_tenant on crm_campaign (tenant_id);

create table crm_campaign_member (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    campaign_id uuid,
    record_type varchar(30),
    record_id uuid,
    member_status varchar(30)
);
create index ix_campaign_member_tenant on crm_campaign_member (tenant_id);

create table crm_custom_field (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    record_type varchar(30),
    field_key varchar(60),
    label varchar(120),
    data_type varchar(30),
    options varchar(4000),
    required boolean default false not null,
    position integer default 0 not null,
    active boolean default false not null
);
create index ix_custom_field_tenant on crm_custom_field (tenant_id);

create table crm_custom_field_value (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    record_type varchar(30),
    record_id uuid,
    field_key varchar(60),
    field_value varchar(4000)
);
create index ix_custom_field_value_tenant on crm_custom_field_value (tenant_id);

create table crm_consent (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    subject_type varchar(30),
    subject_id uuid,
    purpose varchar(60),
    legal_basis varchar(30),
    granted boolean default false not null,
    granted_at timestamp with time zone,
    withdrawn_at timestamp with time zone,
    source varchar(200),
    evidence varchar(1000)
);
create index ix_consent_tenant on crm_consent (tenant_id);

alter table crm_tax add constraint uq_tax_code unique (tenant_id, code);
alter table crm_product add constraint uq_product_sku unique (tenant_id, sku);
create index ix_price_list_item on crm_price_list_item (tenant_id, price_list_id, product_id);
create index ix_quote_opportunity on crm_quote (tenant_id, opportunity_id);
create index ix_quote_account on crm_quote (tenant_id, account_id);
create index ix_quote_line_quote on crm_quote_line (tenant_id, quote_id, position);
create index ix_alert_user on crm_alert (tenant_id, user_id, acknowledged_at);
create index ix_alert_record on crm_alert (tenant_id, record_type, record_id);
create index ix_document_link on crm_document_link (tenant_id, record_type, record_id);
create index ix_document_sha on crm_document (tenant_id, sha256);
create index ix_campaign_member on crm_campaign_member (tenant_id, campaign_id);
alter table crm_custom_field add constraint uq_custom_field_key unique (tenant_id, record_type, field_key);
create index ix_custom_field_value on crm_custom_field_value (tenant_id, record_type, record_id);
create index ix_consent_subject on crm_consent (tenant_id, subject_type, subject_id);
alter table crm_price_list_item add constraint fk_price_list_item_list foreign key (price_list_id) references crm_price_list (id);
alter table crm_quote_line add constraint fk_quote_line_quote foreign key (quote_id) references crm_quote (id);
alter table crm_document_link add constraint fk_document_link_document foreign key (document_id) references crm_document (id);
alter table crm_campaign_member add constraint fk_campaign_member_campaign foreign key (campaign_id) references crm_campaign (id);
