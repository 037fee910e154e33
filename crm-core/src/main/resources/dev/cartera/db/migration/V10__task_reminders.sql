-- Task reminders (KD-4): when to remind the assignee, and when the reminder went out.
alter table crm_activity add column remind_at timestamp with time zone;
alter table crm_activity add column reminded_at timestamp with time zone;
create index ix_activity_remind on crm_activity (tenant_id, remind_at);
