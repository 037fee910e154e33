package dev.cartera.bench;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.Role;
import dev.cartera.core.opportunity.PipelineView;
import dev.cartera.core.opportunity.StageView;
import dev.cartera.core.team.OfficeView;
import dev.cartera.core.team.TeamView;
import dev.cartera.core.team.UserDraft;
import dev.cartera.core.team.UserView;
import dev.cartera.reporting.CarteraReports;
import dev.cartera.reporting.DateRange;
import dev.cartera.reporting.Dimension;
import dev.cartera.reporting.Measure;
import dev.cartera.reporting.custom.ReportDefinition;
import dev.cartera.reporting.custom.ReportDefinition.Aggregate;
import dev.cartera.reporting.custom.ReportDefinition.MeasureSpec;
import dev.cartera.reporting.custom.ReportSubject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Each dashboard and standard report through crm-reporting against hand-written SQL for the same
 * figures, interleaved in one run on one embedded PostgreSQL. Prints p50/p95 and the p95 ratio.
 * Sizes: -Ddeals=100000 -Dactivities=500000 -Dleads=50000 -Diterations=20.
 */
public final class ReportBenchmark {
    private static final String TENANT = "bench";
    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static volatile String user = "director";

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int deals = Integer.getInteger("deals", 100_000);
        int activities = Integer.getInteger("activities", 500_000);
        int leads = Integer.getInteger("leads", 50_000);
        int iterations = Integer.getInteger("iterations", 20);
        // A throwaway database: no fsync, large WAL between checkpoints, no autovacuum during the load (the
        // loader runs VACUUM ANALYZE itself). shared_buffers and work_mem as a dedicated 4 GB server would have.
        // More settings with -Dpg.<name>=<value> (e.g. -Dpg.log_statement=all with a simple-logger level of info).
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                .setServerConfig("max_wal_size", "8GB").setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("maintenance_work_mem", "256MB").setServerConfig("autovacuum", "off")
                .setServerConfig("shared_buffers", "1GB").setServerConfig("work_mem", "32MB");
        ServerSettings.fromSystemProperties(server);
        try (EmbeddedPostgres pg = server.start()) {
            com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
            pool.setDataSource(pg.getPostgresDatabase());
            pool.setMaximumPoolSize(4);
            try (com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(pool);
                    Cartera crm = Cartera.builder().dataSource(ds).currentUser(() -> Optional.of(user)).tenantResolver(() -> TENANT)
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
                List<UUID> owners = new ArrayList<>();
                UUID[] managerTeam = new UUID[1];
                List<UUID> team = new ArrayList<>();
                organisation(crm, owners, managerTeam, team);
                PipelineView pipeline = crm.asSystem(TENANT, c -> c.pipelines().defaultPipeline());
                UUID[] stages = new UUID[6];
                for (StageView s : pipeline.stages()) {
                    stages[s.position()] = s.id();
                }
                long t0 = System.nanoTime();
                new DataLoader(TENANT, owners, pipeline.id(), stages).load(ds, 20_000, deals, activities, leads);
                System.out.printf("Loaded %,d deals, %,d activities, %,d leads, 20,000 accounts, %d users in %.1f s%n", deals, activities,
                        leads, owners.size() + 1, (System.nanoTime() - t0) / 1e9);
                try (Connection hand = ds.getConnection()) {
                    if (Boolean.getBoolean("hold")) {
                        // -Dhold=true: keep the loaded database up for psql until the process is stopped.
                        System.out.printf("Holding: psql -h localhost -p %d -U postgres postgres%n", pg.getPort());
                        Thread.sleep(Long.MAX_VALUE);
                    }
                    if (Boolean.getBoolean("explain")) {
                        explain(hand, pipeline.id());
                        return;
                    }
                    run(crm, hand, team, iterations);
                    writeCost(hand);
                    stageWriteCost(hand);
                }
            }
        }
    }

    private static void organisation(Cartera crm, List<UUID> owners, UUID[] managerTeam, List<UUID> team) {
        crm.asSystem(TENANT, c -> {
            c.users().create(new UserDraft("director", "Directora", "director@bench.es", Role.DIRECTOR, null, null, "es"));
            for (int o = 0; o < 10; o++) {
                OfficeView office = c.users().createOffice("Oficina " + o, "Ciudad " + o);
                for (int t = 0; t < 2; t++) {
                    String managerName = "manager" + o + "_" + t;
                    UserView manager = c.users().create(new UserDraft(managerName, managerName, managerName + "@bench.es", Role.MANAGER,
                            null, office.id(), "es"));
                    TeamView tv = c.users().createTeam("Equipo " + o + "_" + t, office.id(), manager.id());
                    c.users().update(manager.id(), null, new UserDraft(managerName, managerName, managerName + "@bench.es", Role.MANAGER,
                            tv.id(), office.id(), "es"));
                    owners.add(manager.id());
                    boolean first = o == 0 && t == 0;
                    if (first) {
                        managerTeam[0] = tv.id();
                        team.add(manager.id());
                    }
                    for (int r = 0; r < 9; r++) {
                        String name = "rep" + o + "_" + t + "_" + r;
                        UserView rep = c.users().create(new UserDraft(name, name, name + "@bench.es", Role.SALES_REP, tv.id(), office.id(), "es"));
                        owners.add(rep.id());
                        if (first) {
                            team.add(rep.id());
                        }
                    }
                }
            }
            return null;
        });
    }

    private record Case(String name, String as, Supplier<Object> engine, SqlWork hand) {
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    private static void run(Cartera crm, Connection hand, List<UUID> team, int iterations) throws SQLException {
        user = "director";
        // -Dbench.summaries=false: Cartera on the base tables alone (as on H2), its settings' zone differing from the summaries'.
        CarteraReports reports = Boolean.parseBoolean(System.getProperty("summaries", "true")) ? CarteraReports.create(crm)
                : CarteraReports.create(crm, dev.cartera.reporting.ReportSettings.defaults().withZone(java.time.ZoneId.of("Europe/Paris")));
        System.out.println("Monthly summaries in use: " + reports.summariesInUse());
        DateRange year = DateRange.of(LocalDate.of(2025, 6, 16), LocalDate.of(2026, 6, 15));
        OffsetDateTime from = LocalDate.of(2025, 6, 16).atStartOfDay(MADRID).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(2026, 6, 16).atStartOfDay(MADRID).toOffsetDateTime();
        OffsetDateTime fyStart = LocalDate.of(2026, 1, 1).atStartOfDay(MADRID).toOffsetDateTime();
        OffsetDateTime prevFyStart = LocalDate.of(2025, 1, 1).atStartOfDay(MADRID).toOffsetDateTime();
        OffsetDateTime monthStart = LocalDate.of(2026, 6, 1).atStartOfDay(MADRID).toOffsetDateTime();
        OffsetDateTime prevMonthStart = LocalDate.of(2025, 6, 1).atStartOfDay(MADRID).toOffsetDateTime();
        OffsetDateTime prevTo = LocalDate.of(2025, 6, 16).atStartOfDay(MADRID).toOffsetDateTime();
        OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
        UUID rep = team.get(1);
        Array teamArray = hand.createArrayOf("uuid", team.toArray());
        Array repArray = hand.createArrayOf("uuid", new Object[] {rep});
        String manager = "manager0_0";
        String repName = "rep0_0_0";

        String pipeline = "select s.id, s.name, x.n, x.amount, x.amount * s.probability / 100 from (select o.stage_id, count(*) as n,"
                + " sum(o.amount) as amount from crm_opportunity o where o.tenant_id = ? and o.status = 'OPEN' %s group by o.stage_id) x"
                + " join crm_stage s on s.id = x.stage_id";
        String sources = "select l.source, count(*), count(*) filter (where l.status = 'CONVERTED') from crm_lead l"
                + " where l.tenant_id = ? and l.created_at >= ? and l.created_at < ? %s group by l.source";
        String wonBySource = "select o.source, count(*), sum(o.amount) from crm_opportunity o where o.tenant_id = ? and o.status = 'WON'"
                + " and o.closed_at >= ? and o.closed_at < ? %s group by o.source";
        String lost = "select o.lost_reason, count(*), sum(o.amount) from crm_opportunity o where o.tenant_id = ? and o.status = 'LOST'"
                + " and o.closed_at >= ? and o.closed_at < ? %s group by o.lost_reason";
        // Month to date and year to date, this year and last, amount and count, per owner and source; the
        // office is a function of the owner, so the per-owner sums are joined to the people, not every deal.
        String compare = "select %1$s, sum(x.a), sum(x.b), sum(x.c), sum(x.d), sum(x.na), sum(x.nb), sum(x.nc), sum(x.nd) from ("
                + "select %2$s, sum(o.amount) filter (where o.closed_at >= ? and o.closed_at < ?) as a,"
                + " sum(o.amount) filter (where o.closed_at >= ? and o.closed_at < ?) as b, sum(o.amount) filter (where o.closed_at >= ?) as c,"
                + " sum(o.amount) filter (where o.closed_at < ?) as d, count(*) filter (where o.closed_at >= ? and o.closed_at < ?) as na,"
                + " count(*) filter (where o.closed_at >= ? and o.closed_at < ?) as nb, count(*) filter (where o.closed_at >= ?) as nc,"
                + " count(*) filter (where o.closed_at < ?) as nd from crm_opportunity o where o.tenant_id = ? and o.status = 'WON'"
                + " and ((o.closed_at >= ? and o.closed_at < ?) or (o.closed_at >= ? and o.closed_at < ?)) group by %2$s) x"
                + " left join crm_user u on u.id = x.owner_id left join crm_team t on t.id = u.team_id group by 1";
        String monthly = "select date_trunc('month', o.closed_at at time zone 'Europe/Madrid'), sum(o.amount) from crm_opportunity o"
                + " where o.tenant_id = ? and o.status = 'WON' and o.closed_at >= ? and o.closed_at < ? group by 1";

        List<Case> cases = List.of(
                new Case("pipeline by stage", "director", () -> reports.standard().pipeline(),
                        () -> q(hand, pipeline.formatted(""), TENANT)),
                new Case("win rate + cycle by rep (12 months)", "director", () -> reports.standard().winRate(year, Dimension.USER),
                        () -> q(hand, "select owner_id, count(*) filter (where status = 'WON'), count(*) filter (where status = 'LOST'),"
                                + " sum(amount) filter (where status = 'WON'), avg(extract(epoch from closed_at - created_at)) filter (where status = 'WON')"
                                + " from crm_opportunity where tenant_id = ? and status in ('WON', 'LOST') and closed_at >= ? and closed_at < ?"
                                + " group by owner_id", TENANT, from, to)),
                new Case("monthly revenue FY + last FY", "director", () -> reports.periods().monthly(Measure.REVENUE_WON, Dimension.NONE, 2026),
                        () -> q(hand, monthly, TENANT, prevFyStart, LocalDate.of(2027, 1, 1).atStartOfDay(MADRID).toOffsetDateTime())),
                new Case("YTD vs previous YTD by office", "director",
                        () -> reports.periods().yearToDate(Measure.REVENUE_WON, Dimension.OFFICE, LocalDate.of(2026, 6, 15)),
                        () -> q(hand, "select coalesce(u.office_id, t.office_id), sum(x.cur), sum(x.prev) from (select o.owner_id,"
                                + " sum(o.amount) filter (where o.closed_at >= ?) as cur, sum(o.amount) filter (where o.closed_at < ?) as prev"
                                + " from crm_opportunity o where o.tenant_id = ? and o.status = 'WON'"
                                + " and ((o.closed_at >= ? and o.closed_at < ?) or (o.closed_at >= ? and o.closed_at < ?)) group by o.owner_id) x"
                                + " left join crm_user u on u.id = x.owner_id left join crm_team t on t.id = u.team_id group by 1",
                                fyStart, prevTo, TENANT, fyStart, to, prevFyStart, prevTo)),
                new Case("funnel (12 months)", "director", () -> reports.standard().funnel(year, null),
                        () -> q(hand, "with r as (select v.opportunity_id, max(s.position) as reached from crm_stage_visit v"
                                + " join crm_stage s on s.id = v.stage_id and s.kind <> 'LOST' join crm_opportunity o on o.id = v.opportunity_id"
                                + " where v.tenant_id = ? and o.created_at >= ? and o.created_at < ? group by v.opportunity_id)"
                                + " select st.id, count(r.opportunity_id) from crm_stage st left join r on r.reached >= st.position"
                                + " where st.tenant_id = ? and st.kind <> 'LOST' group by st.id", TENANT, from, to, TENANT)),
                new Case("stage durations (12 months)", "director", () -> reports.standard().stageDurations(year),
                        () -> q(hand, "select s.id, count(*), avg(extract(epoch from coalesce(v.left_at, ?) - v.entered_at)),"
                                + " count(*) filter (where coalesce(v.left_at, ?) - v.entered_at > s.time_limit_days * interval '1 day'),"
                                + " count(*) filter (where v.left_at is null and ? - v.entered_at > s.time_limit_days * interval '1 day')"
                                + " from crm_stage_visit v join crm_stage s on s.id = v.stage_id and s.kind = 'OPEN'"
                                + " where v.tenant_id = ? and v.entered_at >= ? and v.entered_at < ? group by s.id", now, now, now, TENANT,
                                from, to)),
                new Case("interaction effectiveness (12 months)", "director", () -> reports.standard().interactionEffectiveness(year),
                        () -> {
                            q(hand, "select owner_id, type, count(*) from crm_activity where tenant_id = ? and status = 'DONE'"
                                    + " and completed_at >= ? and completed_at < ? group by owner_id, type", TENANT, from, to);
                            q(hand, "select owner_id, count(*) from crm_opportunity where tenant_id = ? and status = 'WON'"
                                    + " and closed_at >= ? and closed_at < ? group by owner_id", TENANT, from, to);
                        }),
                new Case("sources and channels (12 months)", "director", () -> reports.standard().sources(year),
                        () -> {
                            q(hand, sources.formatted(""), TENANT, from, to);
                            q(hand, wonBySource.formatted(""), TENANT, from, to);
                        }),
                new Case("ABC/XYZ accounts (12 months)", "director", () -> reports.standard().abcXyz(year),
                        // The same figures: revenue per account and month (13 calendar months touched by the range),
                        // share, cumulative share (ABC), population coefficient of variation (XYZ), the account's name.
                        () -> q(hand, "with m as (select o.account_id, date_trunc('month', o.closed_at at time zone 'Europe/Madrid') as mon,"
                                + " sum(o.amount) as amt from crm_opportunity o where o.tenant_id = ? and o.status = 'WON'"
                                + " and o.account_id is not null and o.amount is not null and o.closed_at >= ? and o.closed_at < ? group by 1, 2),"
                                + " t as (select account_id, sum(amt) as revenue, sum(amt * amt) as sq from m group by 1 having sum(amt) > 0),"
                                + " c as (select account_id, revenue, sqrt(greatest(sq / 13 - (revenue / 13) ^ 2, 0)) / (revenue / 13) as cv,"
                                + " sum(revenue) over (order by revenue desc, account_id) as cum, sum(revenue) over () as total from t)"
                                + " select c.account_id, a.name, c.revenue, c.revenue / c.total, c.cum / c.total, c.cv,"
                                + " case when (c.cum - c.revenue) / c.total < 0.8 then 'A' when (c.cum - c.revenue) / c.total < 0.95 then 'B' else 'C' end,"
                                + " case when c.cv <= 0.1 then 'X' when c.cv <= 0.25 then 'Y' else 'Z' end"
                                + " from c left join crm_account a on a.id = c.account_id and a.tenant_id = ?", TENANT, from, to, TENANT)),
                new Case("custom: deals by stage and rep", "director", () -> reports.custom().run(ReportDefinition.grouped(
                        ReportSubject.OPPORTUNITIES, List.of("stage", "owner"), List.of(MeasureSpec.count(), MeasureSpec.of(Aggregate.SUM, "amount")),
                        List.of())),
                        () -> q(hand, "select s.name, u.display_name, count(*), sum(o.amount) from crm_opportunity o"
                                + " left join crm_stage s on s.id = o.stage_id left join crm_user u on u.id = o.owner_id"
                                + " where o.tenant_id = ? group by s.name, u.display_name, o.stage_id, o.owner_id", TENANT)),
                new Case("dashboard: rep", repName, () -> reports.dashboards().rep(),
                        () -> {
                            q(hand, "select count(*), sum(amount) from crm_opportunity where tenant_id = ? and status = 'OPEN' and owner_id = any(?)",
                                    TENANT, repArray);
                            q(hand, "select type, count(*) filter (where completed_at >= ?), count(*) from crm_activity where tenant_id = ?"
                                    + " and status = 'DONE' and completed_at >= ? and completed_at < ? and owner_id = any(?) group by type",
                                    monthStart.plusDays(14), TENANT, monthStart, to, repArray);
                            q(hand, "select count(*) filter (where due_at < ?), count(*) from crm_activity where tenant_id = ? and status = 'PLANNED'"
                                    + " and owner_id = any(?)", now, TENANT, repArray);
                            q(hand, pipeline.formatted("and o.owner_id = any(?)"), TENANT, repArray);
                        }),
                new Case("dashboard: manager", manager, () -> reports.dashboards().manager(),
                        () -> {
                            String own = "and owner_id = any(?)";
                            q(hand, sources.formatted("and l." + own.substring(4)), TENANT, fyStart, to, teamArray);
                            q(hand, wonBySource.formatted("and o." + own.substring(4)), TENANT, fyStart, to, teamArray);
                            q(hand, lost.formatted("and o." + own.substring(4)), TENANT, fyStart, to, teamArray);
                            q(hand, pipeline.formatted("and o." + own.substring(4)), TENANT, teamArray);
                            q(hand, "select owner_id, count(*) filter (where status = 'OPEN'), sum(amount) filter (where status = 'OPEN'),"
                                    + " count(*) filter (where status = 'WON' and closed_at >= ?) from crm_opportunity where tenant_id = ? "
                                    + own + " group by owner_id", monthStart, TENANT, teamArray);
                            // Per person, each count from an (owner, status, time) index, as Cartera reads them.
                            q(hand, "select u.id, (select count(*) from crm_activity a where a.tenant_id = ? and a.owner_id = u.id"
                                    + " and a.status = 'DONE' and a.completed_at >= ? and a.completed_at < ?), (select count(*)"
                                    + " from crm_activity a where a.tenant_id = ? and a.owner_id = u.id and a.status = 'PLANNED' and a.due_at < ?)"
                                    + " from unnest(?) u(id)", TENANT, monthStart, to, TENANT, now, teamArray);
                        }),
                new Case("dashboard: director", "director", () -> reports.dashboards().director(),
                        () -> {
                            // The firm's totals are the sum of the channels' rows, as Cartera derives them.
                            for (String[] dim : List.of(new String[] {"coalesce(u.office_id, t.office_id)", "o.owner_id"},
                                    new String[] {"x.source", "o.owner_id, o.source"})) {
                                q(hand, compare.formatted(dim[0], dim[1]), monthStart, to, prevMonthStart, prevTo, fyStart, prevTo,
                                        monthStart, to, prevMonthStart, prevTo, fyStart, prevTo, TENANT, prevFyStart, prevTo, fyStart, to);
                            }
                            q(hand, monthly, TENANT, prevFyStart, LocalDate.of(2027, 1, 1).atStartOfDay(MADRID).toOffsetDateTime());
                        }));

        System.out.printf("%-40s %-12s %10s %10s %10s %10s %8s%n", "report", "as", "cartera p50", "p95", "SQL p50", "p95", "ratio");
        // -Donly=pipeline,dashboard runs the cases whose names contain one of the words.
        List<String> only = List.of(System.getProperty("only", "").split(","));
        for (Case c : cases) {
            if (only.stream().noneMatch(c.name()::contains)) {
                continue;
            }
            List<Long> engine = new ArrayList<>();
            List<Long> sql = new ArrayList<>();
            for (int i = 0; i < iterations + 3; i++) {
                user = c.as();
                long a = System.nanoTime();
                c.engine().get();
                long b = System.nanoTime();
                c.hand().run();
                long e = System.nanoTime();
                if (i >= 3) {
                    engine.add(b - a);
                    sql.add(e - b);
                }
            }
            double ep95 = percentile(engine, 0.95);
            double sp95 = percentile(sql, 0.95);
            System.out.printf("%-40s %-12s %10.1f %10.1f %10.1f %10.1f %8.2f%n", c.name(), c.as(), percentile(engine, 0.5), ep95,
                    percentile(sql, 0.5), sp95, ep95 / sp95);
        }
    }

    /**
     * What the summary triggers cost writers: 1,000 one-row updates of won deals (each its own statement
     * and transaction, as a service call is) and one 5,000-row update statement, with the triggers firing
     * and with them off (session_replication_role = replica), twice each, alternating. Runs last: the
     * writes with triggers off leave the summaries out of step with the deals.
     */
    private static void writeCost(Connection c) throws SQLException {
        List<Object> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id from crm_opportunity where tenant_id = ? and status = 'WON' limit 5000")) {
            s.setString(1, TENANT);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1));
                }
            }
        }
        for (int round = 0; round < 2; round++) {
            for (String role : List.of("origin", "replica")) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("set session_replication_role = " + role);
                }
                long a = System.nanoTime();
                try (PreparedStatement s = c.prepareStatement("update crm_opportunity set amount = amount + 1 where id = ?")) {
                    for (Object id : ids.subList(0, 1000)) {
                        s.setObject(1, id);
                        s.executeUpdate();
                    }
                }
                long b = System.nanoTime();
                try (PreparedStatement s = c.prepareStatement("update crm_opportunity set amount = amount + 1 where id = any(?)")) {
                    s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                    s.executeUpdate();
                }
                long e = System.nanoTime();
                System.out.printf("writes, triggers %-3s: one-row update %.3f ms each; %,d-row update statement %.1f ms%n",
                        "origin".equals(role) ? "on" : "off", (b - a) / 1e6 / 1000, ids.size(), (e - b) / 1e6);
            }
        }
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("set session_replication_role = origin");
        }
    }

    /**
     * What the V14 stage-summary triggers cost writers: 1,000 stage moves as the service writes them (the
     * open stay closed, the next one opened: two statements, each its own transaction here) and one
     * statement closing 5,000 open stays, triggers on and off (session_replication_role = replica), twice
     * each, alternating. Runs last, after {@link #writeCost}.
     */
    private static void stageWriteCost(Connection c) throws SQLException {
        for (int round = 0; round < 2; round++) {
            for (String role : List.of("origin", "replica")) {
                List<Object[]> stays = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("select v.id, v.opportunity_id, v.stage_id from crm_stage_visit v"
                        + " join crm_stage st on st.id = v.stage_id and st.kind = 'OPEN' where v.tenant_id = ? and v.left_at is null"
                        + " order by v.opportunity_id limit 6000")) {
                    s.setString(1, TENANT);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            stays.add(new Object[] {rs.getObject(1), rs.getObject(2), rs.getObject(3)});
                        }
                    }
                }
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("set session_replication_role = " + role);
                }
                long a = System.nanoTime();
                try (PreparedStatement close = c.prepareStatement("update crm_stage_visit set left_at = ? where id = ?");
                        PreparedStatement open = c.prepareStatement("insert into crm_stage_visit (id, tenant_id, version, created_at,"
                                + " updated_at, opportunity_id, stage_id, entered_at) values (?, ?, 0, ?, ?, ?, ?, ?)")) {
                    OffsetDateTime at = NOW.atOffset(ZoneOffset.UTC);
                    for (Object[] stay : stays.subList(0, 1000)) {
                        close.setObject(1, at);
                        close.setObject(2, stay[0]);
                        close.executeUpdate();
                        open.setObject(1, UUID.randomUUID());
                        open.setString(2, TENANT);
                        open.setObject(3, at);
                        open.setObject(4, at);
                        open.setObject(5, stay[1]);
                        open.setObject(6, stay[2]);
                        open.setObject(7, at);
                        open.executeUpdate();
                    }
                }
                long b = System.nanoTime();
                try (PreparedStatement s = c.prepareStatement("update crm_stage_visit set left_at = ? where id = any(?)")) {
                    s.setObject(1, NOW.atOffset(ZoneOffset.UTC));
                    s.setArray(2, c.createArrayOf("uuid", stays.subList(1000, 6000).stream().map(x -> x[0]).toArray()));
                    s.executeUpdate();
                }
                long e = System.nanoTime();
                System.out.printf("stage moves, triggers %-3s: one move (close + open) %.3f ms each; 5,000 stays closed in one statement %.1f ms%n",
                        "origin".equals(role) ? "on" : "off", (b - a) / 1e6 / 1000, (e - b) / 1e6);
            }
        }
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("set session_replication_role = origin");
        }
        // An administrator changes the first stage's time limit: the trigger recounts that stage's closed stays over it.
        for (int round = 0; round < 2; round++) {
            long a = System.nanoTime();
            try (PreparedStatement s = c.prepareStatement("update crm_stage set time_limit_days = time_limit_days + ? where tenant_id = ?"
                    + " and position = 1")) {
                s.setInt(1, round == 0 ? 1 : -1);
                s.setString(2, TENANT);
                s.executeUpdate();
            }
            System.out.printf("stage time limit changed (its closed stays recounted): %.1f ms%n", (System.nanoTime() - a) / 1e6);
        }
    }

    private static void explain(Connection c, UUID pipeline) throws SQLException {
        OffsetDateTime from = LocalDate.of(2025, 6, 16).atStartOfDay(MADRID).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(2026, 6, 16).atStartOfDay(MADRID).toOffsetDateTime();
        String engine = "explain analyze select st.id, st.name, st.position, count(r.opportunity_id) from crm_stage st left join ("
                + "select v.opportunity_id, max(s.position) as reached from crm_stage_visit v"
                + " join crm_stage s on s.id = v.stage_id and s.tenant_id = v.tenant_id and s.kind <> 'LOST'"
                + " join crm_opportunity o on o.id = v.opportunity_id and o.tenant_id = v.tenant_id"
                + " where v.tenant_id = ? and o.pipeline_id = ? and o.created_at >= ? and o.created_at < ?"
                + " group by v.opportunity_id) r on r.reached >= st.position"
                + " where st.tenant_id = ? and st.pipeline_id = ? and st.kind <> 'LOST'"
                + " group by st.id, st.name, st.position order by st.position";
        String hand = "explain analyze with r as (select v.opportunity_id, max(s.position) as reached from crm_stage_visit v"
                + " join crm_stage s on s.id = v.stage_id and s.kind <> 'LOST' join crm_opportunity o on o.id = v.opportunity_id"
                + " where v.tenant_id = ? and o.created_at >= ? and o.created_at < ? group by v.opportunity_id)"
                + " select st.id, count(r.opportunity_id) from crm_stage st left join r on r.reached >= st.position"
                + " where st.tenant_id = ? and st.kind <> 'LOST' group by st.id";
        for (int i = 0; i < 2; i++) {
            print(c, engine, TENANT, pipeline, from, to, TENANT, pipeline);
            print(c, hand, TENANT, from, to, TENANT);
        }
    }

    private static void print(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                System.out.println("----");
                while (rs.next()) {
                    System.out.println(rs.getString(1));
                }
            }
        }
    }

    private static void q(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }

    /** Milliseconds at the given quantile (nearest rank). */
    private static double percentile(List<Long> nanos, double q) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, rank)) / 1e6;
    }
}
