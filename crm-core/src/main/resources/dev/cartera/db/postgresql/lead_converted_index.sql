-- V16: converted leads only in the index by conversion time (a range on converted_at never matches a null).
drop index ix_lead_converted;
create index ix_lead_converted on crm_lead (tenant_id, converted_at) where converted_at is not null;
