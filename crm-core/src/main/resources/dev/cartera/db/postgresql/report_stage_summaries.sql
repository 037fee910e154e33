-- Funnel and stage-duration summaries (issue 8), PostgreSQL only: run by the Java migration V14 on PostgreSQL.
-- Kept exact by statement-level AFTER triggers with transition tables on crm_stage_visit, crm_opportunity and
-- crm_stage, as the monthly summaries of V12 are: each statement sums its delta per cell and applies one
-- upsert per touched cell, in key order; cells brought to zero are deleted. Reports read the whole months of a
-- range from here and the partial months at its ends from the base tables.

-- The zone these summaries are cut in (their own row: they are rebuilt by their own function, so a rebuild of
-- V12's summaries alone never leaves them cut in a zone they are not in). Reports use them only while it
-- equals their ReportSettings zone.
create table crm_stage_summary_zone (
    id integer not null primary key check (id = 1),
    zone varchar(64) not null
);
insert into crm_stage_summary_zone (id, zone) values (1, 'Europe/Madrid');

-- Funnel: deals by creation month (report zone), pipeline, owner and the set of stages they have visited
-- (distinct stage ids, sorted). The funnel needs, per deal, the furthest non-LOST position reached; keyed by the
-- visited set instead of that position, the report works the position out from crm_stage when it reads, so a
-- reordering of stages, a kind change or a removed stage changes nothing here. Deals without a visit are not
-- in it (nor in the funnel).
create table crm_funnel_month (
    tenant_id varchar(64) not null,
    month date not null,
    pipeline_id uuid,
    owner_id uuid,
    stages uuid[] not null,
    n bigint not null
);
create unique index ux_funnel_month on crm_funnel_month (tenant_id, month, pipeline_id, owner_id, stages) nulls not distinct;
create index ix_funnel_month_empty on crm_funnel_month (tenant_id) where n = 0;

-- Stage durations: the closed stays (left_at not null) by entry month (report zone), stage and the deal's owner:
-- how many, their seconds, and how many lasted longer than the stage's time limit (its current one: a limit
-- change recomputes the stage's counts). Open stays change with the clock and are read from crm_stage_visit.
create table crm_stage_duration_month (
    tenant_id varchar(64) not null,
    month date not null,
    stage_id uuid not null,
    owner_id uuid,
    visits bigint not null,
    secs numeric not null,
    over_limit bigint not null
);
create unique index ux_stage_duration_month on crm_stage_duration_month (tenant_id, month, stage_id, owner_id) nulls not distinct;
create index ix_stage_duration_month_empty on crm_stage_duration_month (tenant_id) where visits = 0;

-- The open stays of a stage begun in a period, for the report's open part (a year of stays in OPEN stages
-- instead of every stay of the year through ix_stage_visit_entered).
create index ix_stage_visit_open on crm_stage_visit (tenant_id, stage_id, entered_at, opportunity_id) where left_at is null;

-- Cells brought to zero by an update or delete, removed after the statement's upserts.
create function crm_stage_duration_cells_clean() returns void language sql as $fn$
    delete from crm_stage_duration_month where visits = 0;
$fn$;
create function crm_funnel_cells_clean() returns void language sql as $fn$
    delete from crm_funnel_month where n = 0;
$fn$;

-- crm_stage_visit: a statement's stays. First the deals they belong to are locked (in id order), so two transactions
-- writing stays of one deal, or one writing its stays while another changes its owner, take turns: each then reads
-- the other's committed rows (every statement here reads afresh), where otherwise both would compute from the same
-- "before". Cartera's moves lock the deal anyway (they update it). Funnel: for every deal it touched, the visited set before (the table now,
-- without the rows the statement wrote, plus the rows it removed) counts -1 and the set now +1, at the deal's
-- current creation month, pipeline and owner. Durations: the closed stays removed -1, those written +1.
create function crm_stage_visit_summaries() returns trigger language plpgsql as $fn$
declare
    z text := (select zone from crm_stage_summary_zone where id = 1);
    changed bigint := 0;
    total bigint := 0;
begin
    if tg_op = 'INSERT' then
        perform 1 from crm_opportunity o where (o.tenant_id, o.id) in (select r.tenant_id, r.opportunity_id from new_rows r)
            order by o.id for no key update;
        insert into crm_funnel_month as m (tenant_id, month, pipeline_id, owner_id, stages, n)
        select o.tenant_id, date_trunc('month', o.created_at at time zone z)::date, o.pipeline_id, o.owner_id, s.stages, sum(s.n)
        from (select c.tenant_id, c.opportunity_id, -1 as n, array_agg(distinct c.stage_id order by c.stage_id) as stages
              from crm_stage_visit c
              where (c.tenant_id, c.opportunity_id) in (select r.tenant_id, r.opportunity_id from new_rows r)
                and c.id not in (select r.id from new_rows r)
              group by 1, 2
              union all
              select c.tenant_id, c.opportunity_id, 1, array_agg(distinct c.stage_id order by c.stage_id)
              from crm_stage_visit c
              where (c.tenant_id, c.opportunity_id) in (select r.tenant_id, r.opportunity_id from new_rows r)
              group by 1, 2) s
        join crm_opportunity o on o.id = s.opportunity_id and o.tenant_id = s.tenant_id
        group by 1, 2, 3, 4, 5 having sum(s.n) <> 0 order by 1, 2, 3, 4, 5
        on conflict (tenant_id, month, pipeline_id, owner_id, stages) do update set n = m.n + excluded.n;
        get diagnostics changed = row_count;
        if changed > 0 then
            perform crm_funnel_cells_clean();
        end if;
        insert into crm_stage_duration_month as m (tenant_id, month, stage_id, owner_id, visits, secs, over_limit)
        select v.tenant_id, date_trunc('month', v.entered_at at time zone z)::date, v.stage_id, o.owner_id, count(*),
               sum(extract(epoch from (v.left_at - v.entered_at))),
               count(*) filter (where s.time_limit_days is not null
                   and v.left_at > v.entered_at + s.time_limit_days * 86400 * interval '1' second)
        from new_rows v join crm_opportunity o on o.id = v.opportunity_id and o.tenant_id = v.tenant_id
        left join crm_stage s on s.id = v.stage_id and s.tenant_id = v.tenant_id
        where v.left_at is not null
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (tenant_id, month, stage_id, owner_id) do update
            set visits = m.visits + excluded.visits, secs = m.secs + excluded.secs, over_limit = m.over_limit + excluded.over_limit;
        return null;
    elsif tg_op = 'UPDATE' then
        perform 1 from crm_opportunity o where (o.tenant_id, o.id) in (select r.tenant_id, r.opportunity_id from new_rows r
                                                                      union select r.tenant_id, r.opportunity_id from old_rows r)
            order by o.id for no key update;
        -- The visited sets change only when a row's deal or stage does (closing a stay changes neither).
        if exists (select r.id, r.tenant_id, r.opportunity_id, r.stage_id from new_rows r
                   except all select r.id, r.tenant_id, r.opportunity_id, r.stage_id from old_rows r) then
            insert into crm_funnel_month as m (tenant_id, month, pipeline_id, owner_id, stages, n)
            select o.tenant_id, date_trunc('month', o.created_at at time zone z)::date, o.pipeline_id, o.owner_id, s.stages, sum(s.n)
            from (select b.tenant_id, b.opportunity_id, -1 as n, array_agg(distinct b.stage_id order by b.stage_id) as stages
                  from (select c.tenant_id, c.opportunity_id, c.stage_id from crm_stage_visit c
                        where (c.tenant_id, c.opportunity_id) in (select r.tenant_id, r.opportunity_id from new_rows r
                                                                  union select r.tenant_id, r.opportunity_id from old_rows r)
                          and c.id not in (select r.id from new_rows r)
                        union all
                        select r.tenant_id, r.opportunity_id, r.stage_id from old_rows r) b
                  group by 1, 2
                  union all
                  select c.tenant_id, c.opportunity_id, 1, array_agg(distinct c.stage_id order by c.stage_id)
                  from crm_stage_visit c
                  where (c.tenant_id, c.opportunity_id) in (select r.tenant_id, r.opportunity_id from new_rows r
                                                            union select r.tenant_id, r.opportunity_id from old_rows r)
                  group by 1, 2) s
            join crm_opportunity o on o.id = s.opportunity_id and o.tenant_id = s.tenant_id
            group by 1, 2, 3, 4, 5 having sum(s.n) <> 0 order by 1, 2, 3, 4, 5
            on conflict (tenant_id, month, pipeline_id, owner_id, stages) do update set n = m.n + excluded.n;
            get diagnostics changed = row_count;
            if changed > 0 then
                perform crm_funnel_cells_clean();
            end if;
        end if;
        insert into crm_stage_duration_month as m (tenant_id, month, stage_id, owner_id, visits, secs, over_limit)
        select d.tenant_id, d.month, d.stage_id, d.owner_id, sum(d.n), sum(d.secs), sum(d.over)
        from (select v.tenant_id, date_trunc('month', v.entered_at at time zone z)::date as month, v.stage_id, o.owner_id, -1 as n,
                     -extract(epoch from (v.left_at - v.entered_at)) as secs,
                     case when s.time_limit_days is not null
                          and v.left_at > v.entered_at + s.time_limit_days * 86400 * interval '1' second then -1 else 0 end as over
              from old_rows v join crm_opportunity o on o.id = v.opportunity_id and o.tenant_id = v.tenant_id
              left join crm_stage s on s.id = v.stage_id and s.tenant_id = v.tenant_id
              where v.left_at is not null
              union all
              select v.tenant_id, date_trunc('month', v.entered_at at time zone z)::date, v.stage_id, o.owner_id, 1,
                     extract(epoch from (v.left_at - v.entered_at)),
                     case when s.time_limit_days is not null
                          and v.left_at > v.entered_at + s.time_limit_days * 86400 * interval '1' second then 1 else 0 end
              from new_rows v join crm_opportunity o on o.id = v.opportunity_id and o.tenant_id = v.tenant_id
              left join crm_stage s on s.id = v.stage_id and s.tenant_id = v.tenant_id
              where v.left_at is not null) d
        group by 1, 2, 3, 4
        having sum(d.n) <> 0 or sum(d.secs) <> 0 or sum(d.over) <> 0
        order by 1, 2, 3, 4
        on conflict (tenant_id, month, stage_id, owner_id) do update
            set visits = m.visits + excluded.visits, secs = m.secs + excluded.secs, over_limit = m.over_limit + excluded.over_limit;
    else
        perform 1 from crm_opportunity o where (o.tenant_id, o.id) in (select r.tenant_id, r.opportunity_id from old_rows r)
            order by o.id for no key update;
        insert into crm_funnel_month as m (tenant_id, month, pipeline_id, owner_id, stages, n)
        select o.tenant_id, date_trunc('month', o.created_at at time zone z)::date, o.pipeline_id, o.owner_id, s.stages, sum(s.n)
        from (select b.tenant_id, b.opportunity_id, -1 as n, array_agg(distinct b.stage_id order by b.stage_id) as stages
              from (select c.tenant_id, c.opportunity_id, c.stage_id from crm_stage_visit c
                    where (c.tenant_id, c.opportunity_id) in (select r.tenant_id, r.opportunity_id from old_rows r)
                    union all
                    select r.tenant_id, r.opportunity_id, r.stage_id from old_rows r) b
              group by 1, 2
              union all
              select c.tenant_id, c.opportunity_id, 1, array_agg(distinct c.stage_id order by c.stage_id)
              from crm_stage_visit c
              where (c.tenant_id, c.opportunity_id) in (select r.tenant_id, r.opportunity_id from old_rows r)
              group by 1, 2) s
        join crm_opportunity o on o.id = s.opportunity_id and o.tenant_id = s.tenant_id
        group by 1, 2, 3, 4, 5 having sum(s.n) <> 0 order by 1, 2, 3, 4, 5
        on conflict (tenant_id, month, pipeline_id, owner_id, stages) do update set n = m.n + excluded.n;
        get diagnostics changed = row_count;
        if changed > 0 then
            perform crm_funnel_cells_clean();
        end if;
        insert into crm_stage_duration_month as m (tenant_id, month, stage_id, owner_id, visits, secs, over_limit)
        select v.tenant_id, date_trunc('month', v.entered_at at time zone z)::date, v.stage_id, o.owner_id, -count(*),
               -sum(extract(epoch from (v.left_at - v.entered_at))),
               -count(*) filter (where s.time_limit_days is not null
                   and v.left_at > v.entered_at + s.time_limit_days * 86400 * interval '1' second)
        from old_rows v join crm_opportunity o on o.id = v.opportunity_id and o.tenant_id = v.tenant_id
        left join crm_stage s on s.id = v.stage_id and s.tenant_id = v.tenant_id
        where v.left_at is not null
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (tenant_id, month, stage_id, owner_id) do update
            set visits = m.visits + excluded.visits, secs = m.secs + excluded.secs, over_limit = m.over_limit + excluded.over_limit;
    end if;
    get diagnostics total = row_count;
    if total > 0 then
        perform crm_stage_duration_cells_clean();
    end if;
    return null;
end
$fn$;

-- crm_opportunity updates: a deal whose creation time, pipeline, owner or tenant changed moves its visited set
-- (funnel) and, when its owner changed, its closed stays (durations) from the old cells to the new ones: every
-- old row counts -1 and every new row +1 at its attributes, so an unchanged deal cancels out in its cell. No
-- join of the two transition tables: the function's plans are cached from its first (one-row) call, and a
-- nested loop over two 5,000-row tables cost seconds. Inserts and deletes need nothing: fk_stage_visit_opportunity
-- lets no stay exist for a deal being inserted or deleted (a deal's stays go first), so such a deal is in
-- neither summary.
create function crm_opportunity_stage_summaries() returns trigger language plpgsql as $fn$
declare
    z text;
    changed bigint := 0;
begin
    if exists (select r.id, r.tenant_id, r.created_at, r.pipeline_id, r.owner_id from new_rows r
               except all select r.id, r.tenant_id, r.created_at, r.pipeline_id, r.owner_id from old_rows r) then
        z := (select zone from crm_stage_summary_zone where id = 1);
        insert into crm_funnel_month as m (tenant_id, month, pipeline_id, owner_id, stages, n)
        select d.tenant_id, date_trunc('month', d.created_at at time zone z)::date, d.pipeline_id, d.owner_id, s.stages, sum(d.n)
        from (select r.id, r.tenant_id, r.created_at, r.pipeline_id, r.owner_id, -1 as n from old_rows r
              union all
              select r.id, r.tenant_id, r.created_at, r.pipeline_id, r.owner_id, 1 from new_rows r) d
        join (select c.tenant_id, c.opportunity_id, array_agg(distinct c.stage_id order by c.stage_id) as stages
              from crm_stage_visit c
              where (c.tenant_id, c.opportunity_id) in (select r.tenant_id, r.id from new_rows r union select r.tenant_id, r.id from old_rows r)
              group by 1, 2) s on s.opportunity_id = d.id and s.tenant_id = d.tenant_id
        group by 1, 2, 3, 4, 5 having sum(d.n) <> 0 order by 1, 2, 3, 4, 5
        on conflict (tenant_id, month, pipeline_id, owner_id, stages) do update set n = m.n + excluded.n;
        get diagnostics changed = row_count;
        if changed > 0 then
            perform crm_funnel_cells_clean();
        end if;
    end if;
    if exists (select r.id, r.tenant_id, r.owner_id from new_rows r except all select r.id, r.tenant_id, r.owner_id from old_rows r) then
        z := (select zone from crm_stage_summary_zone where id = 1);
        insert into crm_stage_duration_month as m (tenant_id, month, stage_id, owner_id, visits, secs, over_limit)
        select v.tenant_id, date_trunc('month', v.entered_at at time zone z)::date, v.stage_id, d.owner_id, sum(d.n),
               sum(d.n * extract(epoch from (v.left_at - v.entered_at))),
               sum(case when s.time_limit_days is not null
                        and v.left_at > v.entered_at + s.time_limit_days * 86400 * interval '1' second then d.n else 0 end)
        from (select r.id, r.tenant_id, r.owner_id, -1 as n from old_rows r
              union all
              select r.id, r.tenant_id, r.owner_id, 1 from new_rows r) d
        join crm_stage_visit v on v.opportunity_id = d.id and v.tenant_id = d.tenant_id and v.left_at is not null
        left join crm_stage s on s.id = v.stage_id and s.tenant_id = v.tenant_id
        group by 1, 2, 3, 4 having sum(d.n) <> 0 or sum(d.n * extract(epoch from (v.left_at - v.entered_at))) <> 0
            or sum(case when s.time_limit_days is not null
                        and v.left_at > v.entered_at + s.time_limit_days * 86400 * interval '1' second then d.n else 0 end) <> 0
        order by 1, 2, 3, 4
        on conflict (tenant_id, month, stage_id, owner_id) do update
            set visits = m.visits + excluded.visits, secs = m.secs + excluded.secs, over_limit = m.over_limit + excluded.over_limit;
        get diagnostics changed = row_count;
        if changed > 0 then
            perform crm_stage_duration_cells_clean();
        end if;
    end if;
    return null;
end
$fn$;

-- crm_stage: a changed time limit recounts the stage's closed stays over it (one pass over the stage's stays);
-- a removed stage has no limit any more, so none of its stays counts over it. Positions, kinds and names are
-- read by the reports from crm_stage itself: nothing to do for them.
create function crm_stage_limit_summaries() returns trigger language plpgsql as $fn$
declare
    changed uuid[];
begin
    if tg_op = 'DELETE' then
        update crm_stage_duration_month m set over_limit = 0
        from old_rows o where m.stage_id = o.id and m.tenant_id = o.tenant_id and m.over_limit <> 0;
        return null;
    end if;
    changed := (select array_agg(n.id) from old_rows o join new_rows n on n.id = o.id
                where o.time_limit_days is distinct from n.time_limit_days);
    if changed is null then
        return null;
    end if;
    -- Planned for the stages at hand (EXECUTE, not a plan cached from another call): a stage holding most of the
    -- stays is read by a scan and hashed against the deals, not looked up deal by deal. Each of the stage's cells
    -- is counted again whole and written through its unique index (an UPDATE … FROM matching the nullable owner
    -- by IS NOT DISTINCT FROM rescanned every owner's cell of the month for each of them).
    execute $q$
        insert into crm_stage_duration_month as m (tenant_id, month, stage_id, owner_id, visits, secs, over_limit)
        select x.* from (
            select v.tenant_id, date_trunc('month', v.entered_at at time zone $2)::date as month, v.stage_id, o.owner_id,
                   count(*) as visits, sum(extract(epoch from (v.left_at - v.entered_at))) as secs,
                   count(*) filter (where s.time_limit_days is not null
                       and v.left_at > v.entered_at + s.time_limit_days * 86400 * interval '1' second) as over_limit
            from crm_stage_visit v
            join crm_stage s on s.id = v.stage_id and s.tenant_id = v.tenant_id
            join crm_opportunity o on o.id = v.opportunity_id and o.tenant_id = v.tenant_id
            where v.stage_id = any($1) and v.left_at is not null
            group by 1, 2, 3, 4) x
        order by 1, 2, 3, 4
        on conflict (tenant_id, month, stage_id, owner_id) do update
            set visits = excluded.visits, secs = excluded.secs, over_limit = excluded.over_limit
            where (m.visits, m.secs, m.over_limit) is distinct from (excluded.visits, excluded.secs, excluded.over_limit)
    $q$ using changed, (select zone from crm_stage_summary_zone where id = 1);
    return null;
end
$fn$;

create trigger crm_stage_visit_summaries_insert after insert on crm_stage_visit referencing new table as new_rows
    for each statement execute function crm_stage_visit_summaries();
create trigger crm_stage_visit_summaries_update after update on crm_stage_visit referencing old table as old_rows new table as new_rows
    for each statement execute function crm_stage_visit_summaries();
create trigger crm_stage_visit_summaries_delete after delete on crm_stage_visit referencing old table as old_rows
    for each statement execute function crm_stage_visit_summaries();
create trigger crm_opportunity_stage_summaries_update after update on crm_opportunity
    referencing old table as old_rows new table as new_rows
    for each statement execute function crm_opportunity_stage_summaries();
create trigger crm_stage_limit_summaries_update after update on crm_stage referencing old table as old_rows new table as new_rows
    for each statement execute function crm_stage_limit_summaries();
create trigger crm_stage_limit_summaries_delete after delete on crm_stage referencing old table as old_rows
    for each statement execute function crm_stage_limit_summaries();

-- Rebuilds both summaries from the base tables in the given zone (an IANA region name PostgreSQL knows): used
-- here for existing data, when the report zone changes, and after a bulk load with triggers off. SHARE locks
-- wait for writers in flight and hold new ones until the rebuild commits.
create function crm_rebuild_stage_summaries(p_zone text) returns void language plpgsql as $fn$
begin
    if not exists (select 1 from pg_timezone_names where name = p_zone) then
        raise exception 'unknown time zone for stage summaries: %', p_zone;
    end if;
    lock table crm_opportunity, crm_stage_visit, crm_stage in share mode;
    update crm_stage_summary_zone set zone = p_zone where id = 1;
    delete from crm_funnel_month;
    delete from crm_stage_duration_month;
    insert into crm_funnel_month (tenant_id, month, pipeline_id, owner_id, stages, n)
    select o.tenant_id, date_trunc('month', o.created_at at time zone p_zone)::date, o.pipeline_id, o.owner_id, s.stages, count(*)
    from (select c.tenant_id, c.opportunity_id, array_agg(distinct c.stage_id order by c.stage_id) as stages
          from crm_stage_visit c group by 1, 2) s
    join crm_opportunity o on o.id = s.opportunity_id and o.tenant_id = s.tenant_id
    group by 1, 2, 3, 4, 5;
    insert into crm_stage_duration_month (tenant_id, month, stage_id, owner_id, visits, secs, over_limit)
    select v.tenant_id, date_trunc('month', v.entered_at at time zone p_zone)::date, v.stage_id, o.owner_id, count(*),
           sum(extract(epoch from (v.left_at - v.entered_at))),
           count(*) filter (where s.time_limit_days is not null
               and v.left_at > v.entered_at + s.time_limit_days * 86400 * interval '1' second)
    from crm_stage_visit v join crm_opportunity o on o.id = v.opportunity_id and o.tenant_id = v.tenant_id
    left join crm_stage s on s.id = v.stage_id and s.tenant_id = v.tenant_id
    where v.left_at is not null
    group by 1, 2, 3, 4;
end
$fn$;

select crm_rebuild_stage_summaries('Europe/Madrid');
