-- Monthly report summaries (issue 8), PostgreSQL only: run by the Java migration V12 on PostgreSQL.
-- Closed deals and completed activities summed per calendar month of the report time zone, with the
-- dimensions the reports group and filter by. Statement-level triggers with transition tables keep them
-- exact on every write path (services, bulk updates, merges, conversions, COPY); reports read the whole
-- months of a range from here and the partial months at its ends from the base tables.

-- The zone the months are cut in; reports use the summaries only while it equals their ReportSettings zone.
create table crm_report_summary_zone (
    id integer not null primary key check (id = 1),
    zone varchar(64) not null
);
insert into crm_report_summary_zone (id, zone) values (1, 'Europe/Madrid');

-- Every deal with a close time, by its close month: count, sum of amounts (nulls add nothing), and the
-- sum of its cycle in seconds (close minus creation, as the win-rate report computes it).
create table crm_deal_month (
    tenant_id varchar(64) not null,
    status varchar(30),
    month date not null,
    owner_id uuid,
    source varchar(40),
    stage_id uuid,
    lost_reason varchar(200),
    n bigint not null,
    amount numeric not null,
    cycle_secs numeric not null
);
create unique index ux_deal_month on crm_deal_month (tenant_id, status, month, owner_id, source, stage_id, lost_reason)
    nulls not distinct;
-- Cells brought to zero by an update or delete, removed by the same trigger.
create index ix_deal_month_empty on crm_deal_month (tenant_id) where n = 0;

-- Every activity with a completion time, by its completion month.
create table crm_activity_month (
    tenant_id varchar(64) not null,
    status varchar(30),
    month date not null,
    owner_id uuid,
    type varchar(30),
    n bigint not null
);
create unique index ux_activity_month on crm_activity_month (tenant_id, status, month, owner_id, type) nulls not distinct;
create index ix_activity_month_empty on crm_activity_month (tenant_id) where n = 0;

-- One function per table and all three statements: the rows a statement removed count -1, the rows it
-- wrote +1, summed per cell (one upsert per cell per statement, not per row), cells in key order so
-- concurrent statements lock them in the same order.
create function crm_deal_month_apply() returns trigger language plpgsql as $fn$
declare
    z text := (select zone from crm_report_summary_zone where id = 1);
    changed bigint := 0;
begin
    if tg_op = 'INSERT' then
        insert into crm_deal_month as m (tenant_id, status, month, owner_id, source, stage_id, lost_reason, n, amount, cycle_secs)
        select d.tenant_id, d.status, date_trunc('month', d.closed_at at time zone z)::date, d.owner_id, d.source, d.stage_id,
               d.lost_reason, count(*), coalesce(sum(d.amount), 0),
               sum(extract(epoch from d.closed_at) - extract(epoch from d.created_at))
        from new_rows d where d.closed_at is not null
        group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (tenant_id, status, month, owner_id, source, stage_id, lost_reason) do update
            set n = m.n + excluded.n, amount = m.amount + excluded.amount, cycle_secs = m.cycle_secs + excluded.cycle_secs;
        return null;
    elsif tg_op = 'UPDATE' then
        insert into crm_deal_month as m (tenant_id, status, month, owner_id, source, stage_id, lost_reason, n, amount, cycle_secs)
        select d.tenant_id, d.status, d.month, d.owner_id, d.source, d.stage_id, d.lost_reason, sum(d.n), sum(d.amount), sum(d.secs)
        from (select o.tenant_id, o.status, date_trunc('month', o.closed_at at time zone z)::date as month, o.owner_id, o.source,
                     o.stage_id, o.lost_reason, -1 as n, -coalesce(o.amount, 0) as amount,
                     -(extract(epoch from o.closed_at) - extract(epoch from o.created_at)) as secs
              from old_rows o where o.closed_at is not null
              union all
              select o.tenant_id, o.status, date_trunc('month', o.closed_at at time zone z)::date, o.owner_id, o.source,
                     o.stage_id, o.lost_reason, 1, coalesce(o.amount, 0),
                     extract(epoch from o.closed_at) - extract(epoch from o.created_at)
              from new_rows o where o.closed_at is not null) d
        group by 1, 2, 3, 4, 5, 6, 7
        having sum(d.n) <> 0 or sum(d.amount) <> 0 or sum(d.secs) <> 0
        order by 1, 2, 3, 4, 5, 6, 7
        on conflict (tenant_id, status, month, owner_id, source, stage_id, lost_reason) do update
            set n = m.n + excluded.n, amount = m.amount + excluded.amount, cycle_secs = m.cycle_secs + excluded.cycle_secs;
    else
        insert into crm_deal_month as m (tenant_id, status, month, owner_id, source, stage_id, lost_reason, n, amount, cycle_secs)
        select d.tenant_id, d.status, date_trunc('month', d.closed_at at time zone z)::date, d.owner_id, d.source, d.stage_id,
               d.lost_reason, -count(*), -coalesce(sum(d.amount), 0),
               -sum(extract(epoch from d.closed_at) - extract(epoch from d.created_at))
        from old_rows d where d.closed_at is not null
        group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (tenant_id, status, month, owner_id, source, stage_id, lost_reason) do update
            set n = m.n + excluded.n, amount = m.amount + excluded.amount, cycle_secs = m.cycle_secs + excluded.cycle_secs;
    end if;
    get diagnostics changed = row_count;
    if changed > 0 then
        delete from crm_deal_month where n = 0;
    end if;
    return null;
end
$fn$;

create function crm_activity_month_apply() returns trigger language plpgsql as $fn$
declare
    z text := (select zone from crm_report_summary_zone where id = 1);
    changed bigint := 0;
begin
    if tg_op = 'INSERT' then
        insert into crm_activity_month as m (tenant_id, status, month, owner_id, type, n)
        select a.tenant_id, a.status, date_trunc('month', a.completed_at at time zone z)::date, a.owner_id, a.type, count(*)
        from new_rows a where a.completed_at is not null
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (tenant_id, status, month, owner_id, type) do update set n = m.n + excluded.n;
        return null;
    elsif tg_op = 'UPDATE' then
        insert into crm_activity_month as m (tenant_id, status, month, owner_id, type, n)
        select d.tenant_id, d.status, d.month, d.owner_id, d.type, sum(d.n)
        from (select a.tenant_id, a.status, date_trunc('month', a.completed_at at time zone z)::date as month, a.owner_id, a.type,
                     -1 as n
              from old_rows a where a.completed_at is not null
              union all
              select a.tenant_id, a.status, date_trunc('month', a.completed_at at time zone z)::date, a.owner_id, a.type, 1
              from new_rows a where a.completed_at is not null) d
        group by 1, 2, 3, 4, 5 having sum(d.n) <> 0 order by 1, 2, 3, 4, 5
        on conflict (tenant_id, status, month, owner_id, type) do update set n = m.n + excluded.n;
    else
        insert into crm_activity_month as m (tenant_id, status, month, owner_id, type, n)
        select a.tenant_id, a.status, date_trunc('month', a.completed_at at time zone z)::date, a.owner_id, a.type, -count(*)
        from old_rows a where a.completed_at is not null
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (tenant_id, status, month, owner_id, type) do update set n = m.n + excluded.n;
    end if;
    get diagnostics changed = row_count;
    if changed > 0 then
        delete from crm_activity_month where n = 0;
    end if;
    return null;
end
$fn$;

-- Transition tables allow one event and no column list per trigger: three triggers per table. An UPDATE
-- that changes nothing summarised (a rename, an open deal's stage move) sums to no delta and writes no row.
create trigger crm_deal_month_insert after insert on crm_opportunity referencing new table as new_rows
    for each statement execute function crm_deal_month_apply();
create trigger crm_deal_month_update after update on crm_opportunity referencing old table as old_rows new table as new_rows
    for each statement execute function crm_deal_month_apply();
create trigger crm_deal_month_delete after delete on crm_opportunity referencing old table as old_rows
    for each statement execute function crm_deal_month_apply();
create trigger crm_activity_month_insert after insert on crm_activity referencing new table as new_rows
    for each statement execute function crm_activity_month_apply();
create trigger crm_activity_month_update after update on crm_activity referencing old table as old_rows new table as new_rows for each statement execute function crm_activity_month_apply();
create trigger crm_activity_month_delete after delete on crm_activity referencing old table as old_rows
    for each statement execute function crm_activity_month_apply();

-- Rebuilds both summaries from the base tables in the given zone (an IANA region name PostgreSQL knows):
-- used here for existing data, when the report zone changes, and after a bulk load with triggers off.
-- SHARE locks wait for writers in flight and hold new ones until the rebuild commits, so no write is
-- summed in the old zone or missed.
create function crm_rebuild_report_summaries(p_zone text) returns void language plpgsql as $fn$
begin
    if not exists (select 1 from pg_timezone_names where name = p_zone) then
        raise exception 'unknown time zone for report summaries: %', p_zone;
    end if;
    lock table crm_opportunity, crm_activity in share mode;
    update crm_report_summary_zone set zone = p_zone where id = 1;
    delete from crm_deal_month;
    delete from crm_activity_month;
    insert into crm_deal_month (tenant_id, status, month, owner_id, source, stage_id, lost_reason, n, amount, cycle_secs)
    select d.tenant_id, d.status, date_trunc('month', d.closed_at at time zone p_zone)::date, d.owner_id, d.source, d.stage_id,
           d.lost_reason, count(*), coalesce(sum(d.amount), 0), sum(extract(epoch from d.closed_at) - extract(epoch from d.created_at))
    from crm_opportunity d where d.closed_at is not null
    group by 1, 2, 3, 4, 5, 6, 7;
    insert into crm_activity_month (tenant_id, status, month, owner_id, type, n)
    select a.tenant_id, a.status, date_trunc('month', a.completed_at at time zone p_zone)::date, a.owner_id, a.type, count(*)
    from crm_activity a where a.completed_at is not null
    group by 1, 2, 3, 4, 5;
end
$fn$;

select crm_rebuild_report_summaries('Europe/Madrid');
