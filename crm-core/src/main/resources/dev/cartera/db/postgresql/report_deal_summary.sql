-- Two deal summaries (issue 8), PostgreSQL only: run by the Java migration V15 on PostgreSQL.

-- crm_deal_summary: every deal, open or closed, counted per combination of the fields a grouped custom report over deals
-- groups and filters by most (status, stage, owner, source, lost reason, currency), with what its
-- summable measures need: count, sum of amounts and how many amounts there are (average = sum / that).
-- No time column, so no report zone: a custom report whose groupings, filters and measures use only
-- these reads this table (thousands of rows) instead of every deal. Kept exact by statement-level
-- triggers with transition tables, as the monthly summaries of V12 are.
create table crm_deal_summary (
    tenant_id varchar(64) not null,
    status varchar(30),
    stage_id uuid,
    owner_id uuid,
    source varchar(40),
    lost_reason varchar(200),
    currency varchar(3),
    n bigint not null,
    amount numeric not null,
    n_amount bigint not null
);
create unique index ux_deal_summary on crm_deal_summary (tenant_id, status, stage_id, owner_id, source, lost_reason, currency)
    nulls not distinct;
-- Cells brought to zero by an update or delete, removed by the same trigger.
create index ix_deal_summary_empty on crm_deal_summary (tenant_id) where n = 0;

-- The rows a statement removed count -1, the rows it wrote +1, summed per cell: one upsert per touched
-- cell per statement, in key order so concurrent statements lock cells in the same order.
create function crm_deal_summary_apply() returns trigger language plpgsql as $fn$
declare
    changed bigint := 0;
begin
    if tg_op = 'INSERT' then
        insert into crm_deal_summary as m (tenant_id, status, stage_id, owner_id, source, lost_reason, currency, n, amount, n_amount)
        select d.tenant_id, d.status, d.stage_id, d.owner_id, d.source, d.lost_reason, d.currency, count(*),
               coalesce(sum(d.amount), 0), count(d.amount)
        from new_rows d
        group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (tenant_id, status, stage_id, owner_id, source, lost_reason, currency) do update
            set n = m.n + excluded.n, amount = m.amount + excluded.amount, n_amount = m.n_amount + excluded.n_amount;
        return null;
    elsif tg_op = 'UPDATE' then
        insert into crm_deal_summary as m (tenant_id, status, stage_id, owner_id, source, lost_reason, currency, n, amount, n_amount)
        select d.tenant_id, d.status, d.stage_id, d.owner_id, d.source, d.lost_reason, d.currency, sum(d.n), sum(d.amount),
               sum(d.n_amount)
        from (select o.tenant_id, o.status, o.stage_id, o.owner_id, o.source, o.lost_reason, o.currency, -1 as n,
                     -coalesce(o.amount, 0) as amount, case when o.amount is null then 0 else -1 end as n_amount
              from old_rows o
              union all
              select o.tenant_id, o.status, o.stage_id, o.owner_id, o.source, o.lost_reason, o.currency, 1,
                     coalesce(o.amount, 0), case when o.amount is null then 0 else 1 end
              from new_rows o) d
        group by 1, 2, 3, 4, 5, 6, 7
        having sum(d.n) <> 0 or sum(d.amount) <> 0 or sum(d.n_amount) <> 0
        order by 1, 2, 3, 4, 5, 6, 7
        on conflict (tenant_id, status, stage_id, owner_id, source, lost_reason, currency) do update
            set n = m.n + excluded.n, amount = m.amount + excluded.amount, n_amount = m.n_amount + excluded.n_amount;
    else
        insert into crm_deal_summary as m (tenant_id, status, stage_id, owner_id, source, lost_reason, currency, n, amount, n_amount)
        select d.tenant_id, d.status, d.stage_id, d.owner_id, d.source, d.lost_reason, d.currency, -count(*),
               -coalesce(sum(d.amount), 0), -count(d.amount)
        from old_rows d
        group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (tenant_id, status, stage_id, owner_id, source, lost_reason, currency) do update
            set n = m.n + excluded.n, amount = m.amount + excluded.amount, n_amount = m.n_amount + excluded.n_amount;
    end if;
    get diagnostics changed = row_count;
    if changed > 0 then
        delete from crm_deal_summary where n = 0;
    end if;
    return null;
end
$fn$;

-- Transition tables allow one event and no column list per trigger: three triggers. An UPDATE that
-- changes nothing kept here (a rename, a new close date) sums to no delta and writes no row.
create trigger crm_deal_summary_insert after insert on crm_opportunity referencing new table as new_rows
    for each statement execute function crm_deal_summary_apply();
create trigger crm_deal_summary_update after update on crm_opportunity referencing old table as old_rows new table as new_rows
    for each statement execute function crm_deal_summary_apply();
create trigger crm_deal_summary_delete after delete on crm_opportunity referencing old table as old_rows
    for each statement execute function crm_deal_summary_apply();

-- crm_account_month: won revenue per account and month (ABC/XYZ segmentation), without the owner: read only when the caller
-- sees every deal (a director's or administrator's segmentation); others read the deals. Months are cut in
-- the zone of crm_report_summary_zone (V12), like the monthly summaries, and cut again whenever that row is
-- written (its rebuild). Only won deals with an account, an amount and a close time count.
create table crm_account_month (
    tenant_id varchar(64) not null,
    month date not null,
    account_id uuid not null,
    n bigint not null,
    amount numeric not null
);
create unique index ux_account_month on crm_account_month (tenant_id, month, account_id) include (amount);
create index ix_account_month_empty on crm_account_month (tenant_id) where n = 0;

create function crm_account_month_apply() returns trigger language plpgsql as $fn$
declare
    z text := (select zone from crm_report_summary_zone where id = 1);
    changed bigint := 0;
begin
    if tg_op = 'INSERT' then
        insert into crm_account_month as m (tenant_id, month, account_id, n, amount)
        select d.tenant_id, date_trunc('month', d.closed_at at time zone z)::date, d.account_id, count(*), sum(d.amount)
        from new_rows d
        where d.status = 'WON' and d.account_id is not null and d.amount is not null and d.closed_at is not null
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (tenant_id, month, account_id) do update set n = m.n + excluded.n, amount = m.amount + excluded.amount;
        return null;
    elsif tg_op = 'UPDATE' then
        insert into crm_account_month as m (tenant_id, month, account_id, n, amount)
        select d.tenant_id, d.month, d.account_id, sum(d.n), sum(d.amount)
        from (select o.tenant_id, date_trunc('month', o.closed_at at time zone z)::date as month, o.account_id, -1 as n,
                     -o.amount as amount
              from old_rows o
              where o.status = 'WON' and o.account_id is not null and o.amount is not null and o.closed_at is not null
              union all
              select o.tenant_id, date_trunc('month', o.closed_at at time zone z)::date, o.account_id, 1, o.amount
              from new_rows o
              where o.status = 'WON' and o.account_id is not null and o.amount is not null and o.closed_at is not null) d
        group by 1, 2, 3 having sum(d.n) <> 0 or sum(d.amount) <> 0 order by 1, 2, 3
        on conflict (tenant_id, month, account_id) do update set n = m.n + excluded.n, amount = m.amount + excluded.amount;
    else
        insert into crm_account_month as m (tenant_id, month, account_id, n, amount)
        select d.tenant_id, date_trunc('month', d.closed_at at time zone z)::date, d.account_id, -count(*), -sum(d.amount)
        from old_rows d
        where d.status = 'WON' and d.account_id is not null and d.amount is not null and d.closed_at is not null
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (tenant_id, month, account_id) do update set n = m.n + excluded.n, amount = m.amount + excluded.amount;
    end if;
    get diagnostics changed = row_count;
    if changed > 0 then
        delete from crm_account_month where n = 0;
    end if;
    return null;
end
$fn$;

create trigger crm_account_month_insert after insert on crm_opportunity referencing new table as new_rows
    for each statement execute function crm_account_month_apply();
create trigger crm_account_month_update after update on crm_opportunity referencing old table as old_rows new table as new_rows
    for each statement execute function crm_account_month_apply();
create trigger crm_account_month_delete after delete on crm_opportunity referencing old table as old_rows
    for each statement execute function crm_account_month_apply();

-- Derives both summaries from the deals again: here for existing data, and after a bulk load that went past
-- the triggers (COPY with session_replication_role = replica, TRUNCATE). The SHARE lock waits for writers
-- in flight and holds new ones until the rebuild commits, so no write is missed or counted twice.
create function crm_rebuild_account_months() returns void language plpgsql as $fn$
declare
    z text := (select zone from crm_report_summary_zone where id = 1);
begin
    lock table crm_opportunity in share mode;
    delete from crm_account_month;
    insert into crm_account_month (tenant_id, month, account_id, n, amount)
    select d.tenant_id, date_trunc('month', d.closed_at at time zone z)::date, d.account_id, count(*), sum(d.amount)
    from crm_opportunity d
    where d.status = 'WON' and d.account_id is not null and d.amount is not null and d.closed_at is not null
    group by 1, 2, 3;
end
$fn$;

create function crm_rebuild_deal_summaries() returns void language plpgsql as $fn$
begin
    lock table crm_opportunity in share mode;
    delete from crm_deal_summary;
    insert into crm_deal_summary (tenant_id, status, stage_id, owner_id, source, lost_reason, currency, n, amount, n_amount)
    select d.tenant_id, d.status, d.stage_id, d.owner_id, d.source, d.lost_reason, d.currency, count(*),
           coalesce(sum(d.amount), 0), count(d.amount)
    from crm_opportunity d
    group by 1, 2, 3, 4, 5, 6, 7;
    perform crm_rebuild_account_months();
end
$fn$;

-- The account months follow the report zone: V12's rebuild writes the zone row (also when it stays the
-- same), and this cuts them again in the same transaction, so they are never in another zone than the
-- monthly summaries whose zone the reports check.
create function crm_account_month_rezone() returns trigger language plpgsql as $fn$
begin
    perform crm_rebuild_account_months();
    return null;
end
$fn$;
create trigger crm_account_month_rezone after update on crm_report_summary_zone
    for each row execute function crm_account_month_rezone();

select crm_rebuild_deal_summaries();
