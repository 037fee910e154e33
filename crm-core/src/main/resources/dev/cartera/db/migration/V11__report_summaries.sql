-- Report performance (issue 8): the stage-visit summary and covering indexes for the report queries.
-- Runs unchanged on PostgreSQL and H2.

-- One row per stay of a deal in a stage: entered when the deal moved into it, left when it moved on
-- (null while it is still there). Cartera writes it with every stage change (OpportunityService), so
-- the stage-duration report reads stays directly instead of pairing each change with the next one by
-- a window over the whole history. A visit has the id of the stage change that began it.
create table crm_stage_visit (
    id uuid not null primary key,
    tenant_id varchar(64) not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    created_by varchar(100),
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    opportunity_id uuid not null,
    stage_id uuid not null,
    entered_at timestamp with time zone not null,
    left_at timestamp with time zone
);

-- Back-fill from the recorded stage changes: each change opens a stay that the deal's next change closes.
insert into crm_stage_visit (id, tenant_id, version, created_at, created_by, updated_at, updated_by, opportunity_id, stage_id,
        entered_at, left_at)
select c.id, c.tenant_id, 0, c.created_at, c.created_by, c.updated_at, c.updated_by, c.opportunity_id, c.to_stage_id, c.changed_at,
       lead(c.changed_at) over (partition by c.tenant_id, c.opportunity_id order by c.changed_at, c.created_at, c.id)
from crm_stage_change c
where c.opportunity_id is not null and c.to_stage_id is not null and c.changed_at is not null;

alter table crm_stage_visit add constraint fk_stage_visit_opportunity foreign key (opportunity_id) references crm_opportunity (id);
-- Stays begun in a period, with what the duration report reads, so PostgreSQL answers from the index alone.
create index ix_stage_visit_entered on crm_stage_visit (tenant_id, entered_at, stage_id, left_at, opportunity_id);
-- A deal's stays: the open one to close on the next move, and the stages reached for the funnel.
create index ix_stage_visit_opportunity on crm_stage_visit (tenant_id, opportunity_id, stage_id, left_at);

-- Covering indexes: the closed (and open) deals by status and close time with every column the period,
-- win-rate, source, ABC/XYZ and pipeline reports read, so a year of deals is read from the index only.
drop index ix_opportunity_closed;
create index ix_opportunity_closed on crm_opportunity (tenant_id, status, closed_at, owner_id, amount, stage_id, source, account_id,
        created_at);
-- Deals created in a period (funnel, deals and pipeline created) with their pipeline and owner.
drop index ix_opportunity_created;
create index ix_opportunity_created on crm_opportunity (tenant_id, created_at, pipeline_id, owner_id, id, amount);
-- Activities done in a period by owner and type (interaction effectiveness, contact counts, plans).
drop index ix_activity_completed;
create index ix_activity_completed on crm_activity (tenant_id, status, completed_at, owner_id, type);
-- One person's (or a team's) activities done in a period: the rep and manager boards and plans.
create index ix_activity_owner_completed on crm_activity (tenant_id, owner_id, status, completed_at, type);
-- Deals by stage and owner (custom reports grouped so, the Kanban's columns) with the amount they sum.
drop index ix_opportunity_stage;
create index ix_opportunity_stage on crm_opportunity (tenant_id, stage_id, owner_id, status, amount);
