package dev.cartera.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.testing.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The monthly summaries of migration V12 (PostgreSQL) stay exactly what their rebuild derives from the
 * base rows after any sequence of writes: single and multi-row inserts, updates of status, amount,
 * owner, source, close and completion times and activity types, bulk updates and deletes, in two
 * tenants at once. And a zone change: reports of another zone read the base tables until the rebuild,
 * with the same figures before and after it.
 */
class PostgresMonthSummaryProperties {
    private static final ReportEnv ENV = new ReportEnv(TestDatabases.freshPostgres());
    private static final ReportEnv.Tenant[] TENANTS = {ENV.tenant("s"), ENV.tenant("s")};
    private static final String[] STATUSES = {"OPEN", "WON", "LOST", null};
    private static final String[] SOURCES = {"web", "fair", null};
    private static final String[] TYPES = {"CALL", "EMAIL", "MEETING", null};
    private static final String[] ACTIVITY_STATUSES = {"DONE", "PLANNED", "CANCELLED"};
    /** Close and completion times around month ends in Madrid and New York (UTC 22:30 is the next day in Madrid). */
    private static final Instant BASE = Instant.parse("2025-01-31T22:30:00Z");
    /** The reports' clock: open stays last until then. */
    private static final Instant NOW = BASE.plusSeconds(24 * 3_600L * 420);
    private static final Integer[] LIMITS = {null, 0, 1, 3};
    private static final String[] KINDS = {"OPEN", "WON", "LOST"};

    @AfterContainer
    static void close() {
        ENV.close();
    }

    /** A write: {@code kind} chooses the statement; the other numbers its tenant, rows and values. */
    record Op(int kind, int tenant, int row, int a, int b, int hours) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.integers().between(0, 19), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(-24 * 62, 24 * 400)).as(Op::new).list().ofMinSize(1).ofMaxSize(30);
    }

    /** Empties both tenants, then runs the statements in order. */
    private static void replay(List<Op> ops) throws SQLException {
        ENV.fx.clock.set(NOW);
        for (ReportEnv.Tenant t : TENANTS) {
            ENV.clear(t);
            // The stages as the tenant was created with them (the statements reorder them and change limits and kinds).
            for (dev.cartera.core.opportunity.StageView st : t.stages()) {
                ENV.exec("update crm_stage set position = ?, kind = ?, time_limit_days = ? where id = ?", st.position(), st.kind().name(),
                        st.timeLimitDays(), st.id());
            }
        }
        try (Connection c = ENV.dataSource.getConnection()) {
            for (Op op : ops) {
                apply(c, op);
            }
        }
    }

    /** Writes that touch the funnel and stage-duration summaries: deals, stays, owners, pipelines, stages. */
    @Provide
    Arbitrary<List<Op>> stageOps() {
        return Combinators.combine(Arbitraries.of(0, 1, 3, 4, 6, 11, 12, 13, 13, 14, 14, 15, 16, 17, 18, 18, 19), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(-24 * 62, 24 * 400)).as(Op::new).list().ofMinSize(5).ofMaxSize(30);
    }

    /**
     * From deals with closed and open stays in both tenants (5 to 17 deals, one to three stays each), any
     * writes keep the funnel and stage-duration summaries equal to their derivation, and the reports read
     * through them equal the reports on the base tables.
     */
    @Property(tries = 30)
    void theStageSummariesEqualTheirRebuildAfterAnyWrites(@ForAll("stageOps") List<Op> ops,
            @ForAll @net.jqwik.api.constraints.IntRange(max = 11) int a, @ForAll @net.jqwik.api.constraints.IntRange(max = 11) int b)
            throws SQLException {
        List<Op> all = new ArrayList<>();
        for (int tenant = 0; tenant < 2; tenant++) {
            all.add(new Op(1, tenant, 0, tenant, 3, 24 * 10));
            all.add(new Op(1, tenant, 0, 2 + tenant, 2, 24 * 120));
            all.add(new Op(1, tenant, 0, a, b, 24 * (a * 20 + b)));
            all.add(new Op(13, tenant, 0, 5, tenant, 0)); // a closed stay of 48 hours for every won deal, in the first or second stage
            all.add(new Op(13, tenant, 0, 2, 1, 0)); // one of 21 hours for every lost deal, in the second
            all.add(new Op(13, tenant, 0, 4, 2, 0)); // an open stay for every open deal, in the third
        }
        all.addAll(ops);
        replay(all);
        assertSummariesMatchBase("Europe/Madrid");
        assertStageReportsMatchBase();
    }

    @Property(tries = 40)
    void theSummariesEqualTheirRebuildAfterAnyWrites(@ForAll("ops") List<Op> ops) throws SQLException {
        replay(ops);
        assertSummariesMatchBase("Europe/Madrid");
        assertStageReportsMatchBase();
    }

    /**
     * The funnel and stage durations read through the V14 summaries (Madrid) equal the same reports on the
     * base tables alone (Paris: Madrid's rules under another name, so no summary matches it), for whole
     * months and ranges with partial ends, for a director, a manager and a rep.
     */
    private static void assertStageReportsMatchBase() {
        CarteraReports summaries = CarteraReports.create(ENV.fx.cartera);
        CarteraReports base = CarteraReports.create(ENV.fx.cartera, ReportSettings.defaults().withZone(ZoneId.of("Europe/Paris")));
        List<DateRange> ranges = List.of(DateRange.of(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 3, 31)),
                DateRange.of(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 11, 10)),
                DateRange.of(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)),
                DateRange.of(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 4, 2)));
        for (ReportEnv.Tenant t : TENANTS) {
            for (String user : List.of("director", "manager", "rep")) {
                for (DateRange range : ranges) {
                    assertThat(as(t, user, () -> summaries.standard().funnel(range, null))).as("funnel %s %s", user, range)
                            .isEqualTo(as(t, user, () -> base.standard().funnel(range, null)));
                    assertThat(as(t, user, () -> summaries.standard().stageDurations(range))).as("stage durations %s %s", user, range)
                            .isEqualTo(as(t, user, () -> base.standard().stageDurations(range)));
                }
            }
        }
    }

    @Property(tries = 8)
    void aZoneChangeReadsTheBaseTablesUntilTheRebuildWithTheSameFigures(@ForAll("ops") List<Op> ops) throws SQLException {
        replay(ops);
        ReportEnv.Tenant t = TENANTS[0];
        CarteraReports madrid = CarteraReports.create(ENV.fx.cartera);
        CarteraReports newYork = CarteraReports.create(ENV.fx.cartera, ReportSettings.defaults().withZone(ZoneId.of("America/New_York")));
        DateRange range = DateRange.of(LocalDate.of(2025, 1, 15), LocalDate.of(2026, 3, 10));
        try {
            assertThat(as(t, "director", madrid::summariesInUse)).isTrue();
            assertThat(as(t, "director", newYork::summariesInUse)).isFalse();
            Object before = figures(t, newYork, range);
            assertThatThrownBy(() -> as(t, "director", newYork::rebuildSummaries)).isInstanceOf(AccessDeniedException.class);
            assertThat(as(t, "admin", newYork::rebuildSummaries)).isTrue();
            assertThat(as(t, "director", newYork::summariesInUse)).isTrue();
            assertThat(as(t, "director", madrid::summariesInUse)).isFalse();
            assertSummariesMatchBase("America/New_York");
            assertThat(figures(t, newYork, range)).isEqualTo(before);
            // Writes after the rebuild are cut in the new zone.
            try (Connection c = ENV.dataSource.getConnection()) {
                for (Op op : ops) {
                    apply(c, new Op(op.kind(), op.tenant(), op.row() + 1, op.b(), op.a(), op.hours() + 7));
                }
            }
            assertSummariesMatchBase("America/New_York");
        } finally {
            as(t, "admin", madrid::rebuildSummaries);
        }
        assertSummariesMatchBase("Europe/Madrid");
    }

    /**
     * The reports really read the summaries for whole months and the base rows for the rest: a won deal
     * added to a summary cell alone shows in a whole-month range, not in a range of partial months.
     */
    @net.jqwik.api.Example
    void reportsReadWholeMonthsFromTheSummaryAndPartialMonthsFromTheDeals() throws SQLException {
        ReportEnv.Tenant t = TENANTS[0];
        ENV.clear(t);
        CarteraReports reports = CarteraReports.create(ENV.fx.cartera);
        DateRange whole = DateRange.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30));
        DateRange partial = DateRange.of(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 4, 29));
        try (Connection c = ENV.dataSource.getConnection()) {
            apply(c, new Op(0, 0, 0, 1, 1, 24 * 40)); // a won deal closed on 12 March 2025
            assertThat(as(t, "director", () -> reports.periods().total(Measure.DEALS_WON, Dimension.NONE, whole))).containsEntry("*",
                    BigDecimal.ONE);
            // Written past the triggers, as a summary out of step would be.
            exec(c, "update crm_deal_month set n = n + 1 where tenant_id = ? and status = 'WON'", t.id());
        }
        try {
            assertThat(as(t, "director", () -> reports.periods().total(Measure.DEALS_WON, Dimension.NONE, whole))).containsEntry("*",
                    BigDecimal.valueOf(2));
            assertThat(as(t, "director", () -> reports.periods().total(Measure.DEALS_WON, Dimension.NONE, partial))).containsEntry("*",
                    BigDecimal.ONE);
            assertThat(as(t, "director", () -> reports.standard().winRate(whole, Dimension.NONE)).get(0).won()).isEqualTo(2);
            assertThat(as(t, "director", () -> reports.standard().winRate(partial, Dimension.NONE)).get(0).won()).isEqualTo(1);
        } finally {
            as(t, "admin", reports::rebuildSummaries);
        }
        assertThat(as(t, "director", () -> reports.periods().total(Measure.DEALS_WON, Dimension.NONE, whole))).containsEntry("*",
                BigDecimal.ONE);
    }

    /**
     * The funnel and stage durations really read their V14 summaries for whole months and the base rows for
     * the rest: a deal and a closed stay added to the summary cells alone show in a whole-month range only.
     */
    @net.jqwik.api.Example
    void funnelAndStageDurationsReadWholeMonthsFromTheirSummaries() throws SQLException {
        ReportEnv.Tenant t = TENANTS[0];
        // A deal created on 8 March 2025 with one closed stay in the first stage, entered on 12 March.
        replay(List.of(new Op(0, 0, 0, 1, 1, 24 * 40), new Op(12, 0, 0, 1, 0, 24 * 40)));
        CarteraReports reports = CarteraReports.create(ENV.fx.cartera);
        DateRange whole = DateRange.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
        DateRange partial = DateRange.of(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 30));
        java.util.function.Function<DateRange, List<Long>> figures = range -> as(t, "director", () -> List.of(
                reports.standard().funnel(range, null).get(0).reached(), reports.standard().stageDurations(range).get(0).visits()));
        assertThat(figures.apply(whole)).containsExactly(1L, 1L);
        try (Connection c = ENV.dataSource.getConnection()) {
            // Written past the triggers, as summaries out of step would be.
            exec(c, "update crm_funnel_month set n = n + 1 where tenant_id = ?", t.id());
            exec(c, "update crm_stage_duration_month set visits = visits + 1 where tenant_id = ?", t.id());
        }
        try {
            assertThat(figures.apply(whole)).containsExactly(2L, 2L);
            assertThat(figures.apply(partial)).containsExactly(1L, 1L);
        } finally {
            as(t, "admin", reports::rebuildSummaries);
        }
        assertThat(figures.apply(whole)).containsExactly(1L, 1L);
    }

    /** A stage's new time limit recounts its closed stays over it; an owner change moves the stays to the new owner's cells. */
    @net.jqwik.api.Example
    void aLimitChangeRecountsTheStaysOverItAndAnOwnerChangeMovesThem() throws SQLException {
        ReportEnv.Tenant t = TENANTS[0];
        // A deal created on 8 March 2025 with one stay of 7 hours in the first stage (limit 14 days), entered on 12 March.
        replay(List.of(new Op(0, 0, 0, 1, 1, 24 * 40), new Op(12, 0, 0, 1, 0, 24 * 40)));
        CarteraReports reports = CarteraReports.create(ENV.fx.cartera);
        DateRange whole = DateRange.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
        java.util.function.Supplier<Long> over = () -> as(t, "director", () -> reports.standard().stageDurations(whole).get(0).overLimit());
        assertThat(over.get()).isZero();
        try (Connection c = ENV.dataSource.getConnection()) {
            apply(c, new Op(18, 0, 0, 0, 0, 0)); // the first stage's limit: none
            assertSummariesMatchBase("Europe/Madrid");
            exec(c, "update crm_stage set time_limit_days = 0 where id = ?", t.stageAt(1).id());
            assertSummariesMatchBase("Europe/Madrid");
            assertThat(over.get()).isEqualTo(1);
            assertThat(ENV.rows("select sum(over_limit) from crm_stage_duration_month where tenant_id = ?", t.id())).containsExactly("1|");
            exec(c, "update crm_opportunity set owner_id = ? where tenant_id = ?", t.owner(2), t.id());
            assertThat(ENV.rows("select owner_id, visits from crm_stage_duration_month where tenant_id = ?", t.id()))
                    .containsExactly(t.owner(2) + "|1|");
            assertThat(ENV.rows("select owner_id, n from crm_funnel_month where tenant_id = ?", t.id())).containsExactly(t.owner(2) + "|1|");
            assertSummariesMatchBase("Europe/Madrid");
        }
    }

    private static List<Object> figures(ReportEnv.Tenant t, CarteraReports reports, DateRange range) {
        return as(t, "director", () -> List.of(reports.periods().total(Measure.REVENUE_WON, Dimension.USER, range),
                reports.periods().total(Measure.DEALS_LOST, Dimension.SOURCE, range),
                reports.periods().total(Measure.CALLS, Dimension.TEAM, range),
                reports.periods().monthly(Measure.ACTIVITIES_DONE, Dimension.USER, 2025).table().rows(),
                reports.standard().winRate(range, Dimension.USER), reports.standard().lostReasons(range),
                reports.standard().interactionEffectiveness(range)));
    }

    private static <T> T as(ReportEnv.Tenant t, String user, java.util.function.Supplier<T> work) {
        return ENV.fx.session.call(t.id(), user, work);
    }

    private static void apply(Connection c, Op op) throws SQLException {
        ReportEnv.Tenant t = TENANTS[op.tenant()];
        String tenant = t.id();
        Instant at = BASE.plusSeconds(op.hours() * 3_600L);
        String status = STATUSES[op.a() % STATUSES.length];
        switch (op.kind()) {
            case 0, 1 -> { // one or several deals in one statement
                int rows = op.kind() == 0 ? 1 : 2 + op.b() % 4;
                for (int i = 0; i < rows; i++) {
                    String st = STATUSES[(op.a() + i) % STATUSES.length];
                    Instant closed = "OPEN".equals(st) && i % 2 == 0 ? null : at.plusSeconds(i * 86_400L * 11);
                    exec(c, "insert into crm_opportunity (id, tenant_id, version, created_at, updated_at, name, pipeline_id, stage_id,"
                            + " amount, owner_id, source, status, lost_reason, closed_at) values (?, ?, 0, ?, ?, 'D', ?, ?, ?, ?, ?, ?, ?, ?)",
                            UUID.randomUUID(), tenant, ts(at.minusSeconds(86_400L * (op.b() + 3))), ts(at), t.pipeline(),
                            t.stageAt(1 + (op.a() + i) % 5).id(), op.b() % 5 == 0 ? null : new BigDecimal(op.b() * 100 + i + ".25"),
                            t.owner((op.a() + i) % 6), SOURCES[(op.b() + i) % 3], st, "LOST".equals(st) ? (i % 2 == 0 ? "precio" : "plazo") : null,
                            closed == null ? null : ts(closed));
                }
            }
            case 2 -> exec(c, "update crm_opportunity set status = ?, closed_at = ?, lost_reason = ? where id = (select id from crm_opportunity"
                    + " where tenant_id = ? order by id offset ? limit 1)", status, "OPEN".equals(status) ? null : ts(at),
                    "LOST".equals(status) ? "precio" : null, tenant, op.row() % 8);
            case 3 -> exec(c, "update crm_opportunity set amount = ?, owner_id = ?, source = ? where id = (select id from crm_opportunity"
                    + " where tenant_id = ? order by id offset ? limit 1)", op.a() == 0 ? null : new BigDecimal(op.a() + "000.5"),
                    t.owner(op.b() % 6), SOURCES[op.a() % 3], tenant, op.row() % 8);
            case 4 -> exec(c, "update crm_opportunity set owner_id = ? where tenant_id = ? and owner_id is not distinct from ?",
                    t.owner(op.b() % 6), tenant, t.owner(op.a() % 6));
            case 5 -> exec(c, "update crm_opportunity set amount = amount * 2, closed_at = closed_at + interval '20 days'"
                    + " where tenant_id = ? and status = ?", tenant, status);
            case 6 -> { // a deal deleted, its stays first (the foreign key asks so)
                exec(c, "delete from crm_stage_visit where opportunity_id = (select id from crm_opportunity where tenant_id = ? order by id"
                        + " offset ? limit 1)", tenant, op.row() % 8);
                exec(c, "delete from crm_opportunity where id = (select id from crm_opportunity where tenant_id = ? order by id"
                        + " offset ? limit 1)", tenant, op.row() % 8);
            }
            case 7 -> { // activities, one statement
                int rows = 1 + op.b() % 4;
                StringBuilder sql = new StringBuilder("insert into crm_activity (id, tenant_id, version, created_at, updated_at, type,"
                        + " subject, status, priority, owner_id, completed_at) values ");
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    String st = ACTIVITY_STATUSES[(op.a() + i) % 3];
                    sql.append(i > 0 ? ", " : "").append("(?, ?, 0, ?, ?, ?, 'x', ?, 'NORMAL', ?, ?)");
                    values.addAll(java.util.Arrays.asList(UUID.randomUUID(), tenant, ts(at), ts(at), TYPES[(op.b() + i) % 4], st,
                            t.owner((op.a() + i) % 6), "PLANNED".equals(st) ? null : ts(at.plusSeconds(i * 86_400L * 13))));
                }
                exec(c, sql.toString(), values.toArray());
            }
            case 8 -> exec(c, "update crm_activity set type = ?, status = ?, completed_at = ? where id = (select id from crm_activity"
                    + " where tenant_id = ? order by id offset ? limit 1)", TYPES[op.a() % 4], ACTIVITY_STATUSES[op.b() % 3],
                    op.b() % 3 == 1 ? null : ts(at), tenant, op.row() % 8);
            case 9 -> exec(c, "update crm_activity set owner_id = ?, completed_at = completed_at - interval '1 hour'"
                    + " where tenant_id = ? and type is not distinct from ?", t.owner(op.a() % 6), tenant, TYPES[op.b() % 4]);
            case 10 -> exec(c, "delete from crm_activity where tenant_id = ? and owner_id is not distinct from ?", tenant,
                    t.owner(op.a() % 6));
            case 11 -> exec(c, "update crm_opportunity set created_at = created_at - interval '3 days', stage_id = ?"
                    + " where tenant_id = ? and status = ?", t.stageAt(1 + op.b() % 5).id(), tenant, status);
            case 12 -> { // stays of one deal in one statement, some closed, some open
                int rows = 1 + op.b() % 3;
                for (int i = 0; i < rows; i++) {
                    Instant entered = at.plusSeconds(i * 3_600L * (op.a() * 7 + 5));
                    exec(c, "insert into crm_stage_visit (id, tenant_id, version, created_at, updated_at, opportunity_id, stage_id,"
                            + " entered_at, left_at) select cast(? as uuid), tenant_id, 0, cast(? as timestamptz), cast(? as timestamptz), id,"
                            + " cast(? as uuid), cast(? as timestamptz), cast(? as timestamptz) from crm_opportunity where tenant_id = ?"
                            + " order by id offset ? limit 1", UUID.randomUUID(), ts(entered), ts(entered), t.stageAt(1 + (op.b() + i) % 5).id(),
                            ts(entered), (op.a() + i) % 3 == 0 ? null : ts(entered.plusSeconds(3_600L * (op.a() * 7 + op.b()))), tenant,
                            op.row() % 8);
                }
            }
            case 13 -> // a stay for every deal of a status, in one statement
                exec(c, "insert into crm_stage_visit (id, tenant_id, version, created_at, updated_at, opportunity_id, stage_id, entered_at,"
                        + " left_at) select gen_random_uuid(), tenant_id, 0, created_at, created_at, id, cast(? as uuid), created_at + interval '2 hours',"
                        + " case when ? then null else created_at + ? * interval '1 hour' end from crm_opportunity"
                        + " where tenant_id = ? and status is not distinct from ?", t.stageAt(1 + op.b() % 5).id(), op.a() % 4 == 0,
                        op.a() * 9 + 3, tenant, status);
            case 14 -> // the open stays of one deal (or all of them) closed, as a move does
                exec(c, "update crm_stage_visit set left_at = entered_at + ? * interval '1 hour' where tenant_id = ? and left_at is null"
                        + (op.a() % 3 == 0 ? "" : " and opportunity_id = (select id from crm_opportunity where tenant_id = ? order by id offset ? limit 1)"),
                        op.a() % 3 == 0 ? new Object[] {op.b() * 11 + 1, tenant} : new Object[] {op.b() * 11 + 1, tenant, tenant, op.row() % 8});
            case 15 -> // a stay's stage, entry time or end rewritten
                exec(c, "update crm_stage_visit set stage_id = ?, entered_at = entered_at - ? * interval '1 day', left_at = case when ?"
                        + " then null else left_at end where id = (select id from crm_stage_visit where tenant_id = ? order by id offset ? limit 1)",
                        t.stageAt(1 + op.a() % 5).id(), op.b() % 40, op.a() % 5 == 0, tenant, op.row() % 10);
            case 16 -> exec(c, "delete from crm_stage_visit where id in (select id from crm_stage_visit where tenant_id = ? order by id"
                    + " offset ? limit ?)", tenant, op.row() % 10, 1 + op.b() % 3);
            case 17 -> { // an admin reorders two stages, or changes a stage's kind (positions and kinds are read at report time)
                dev.cartera.core.opportunity.StageView x = t.stageAt(1 + op.a() % 5);
                dev.cartera.core.opportunity.StageView y = t.stageAt(1 + op.b() % 5);
                if (op.hours() % 2 == 0) {
                    exec(c, "update crm_stage set position = case when id = ? then (select position from crm_stage where id = ?)"
                            + " else (select position from crm_stage where id = ?) end where id in (?, ?)", x.id(), y.id(), x.id(), x.id(), y.id());
                } else {
                    exec(c, "update crm_stage set kind = ? where id = ?", KINDS[op.b() % 3], x.id());
                }
            }
            case 18 -> exec(c, "update crm_stage set time_limit_days = ? where id = ?", LIMITS[op.b() % 4], t.stageAt(1 + op.a() % 5).id());
            default -> exec(c, "update crm_opportunity set pipeline_id = case when pipeline_id is null then ? end where id = (select id"
                    + " from crm_opportunity where tenant_id = ? order by id offset ? limit 1)", t.pipeline(), tenant, op.row() % 8);
        }
    }

    private static void assertSummariesMatchBase(String zone) {
        for (ReportEnv.Tenant t : TENANTS) {
            List<String> deals = ENV.rows("select status, month, owner_id, source, stage_id, lost_reason, n, amount, cycle_secs"
                    + " from crm_deal_month where tenant_id = ?", t.id());
            List<String> dealBase = ENV.rows("select status, date_trunc('month', closed_at at time zone '" + zone + "')::date, owner_id,"
                    + " source, stage_id, lost_reason, count(*), coalesce(sum(amount), 0),"
                    + " sum(extract(epoch from closed_at) - extract(epoch from created_at)) from crm_opportunity"
                    + " where tenant_id = ? and closed_at is not null group by 1, 2, 3, 4, 5, 6", t.id());
            assertThat(deals).as("deal months of %s in %s", t.id(), zone).containsExactlyInAnyOrderElementsOf(dealBase);
            List<String> acts = ENV.rows("select status, month, owner_id, type, n from crm_activity_month where tenant_id = ?", t.id());
            List<String> actBase = ENV.rows("select status, date_trunc('month', completed_at at time zone '" + zone + "')::date, owner_id,"
                    + " type, count(*) from crm_activity where tenant_id = ? and completed_at is not null group by 1, 2, 3, 4", t.id());
            assertThat(acts).as("activity months of %s in %s", t.id(), zone).containsExactlyInAnyOrderElementsOf(actBase);
            List<String> funnel = ENV.rows("select month, pipeline_id, owner_id, stages, n from crm_funnel_month where tenant_id = ?", t.id());
            List<String> funnelBase = ENV.rows("select date_trunc('month', o.created_at at time zone '" + zone + "')::date, o.pipeline_id,"
                    + " o.owner_id, s.stages, count(*) from (select opportunity_id, array_agg(distinct stage_id order by stage_id) as stages"
                    + " from crm_stage_visit where tenant_id = ? group by opportunity_id) s join crm_opportunity o on o.id = s.opportunity_id"
                    + " group by 1, 2, 3, 4", t.id());
            assertThat(funnel).as("funnel months of %s in %s", t.id(), zone).containsExactlyInAnyOrderElementsOf(funnelBase);
            List<String> stays = ENV.rows("select month, stage_id, owner_id, visits, secs, over_limit from crm_stage_duration_month"
                    + " where tenant_id = ?", t.id());
            List<String> staysBase = ENV.rows("select date_trunc('month', v.entered_at at time zone '" + zone + "')::date, v.stage_id, o.owner_id,"
                    + " count(*), sum(extract(epoch from v.left_at) - extract(epoch from v.entered_at)), count(*) filter (where"
                    + " extract(epoch from v.left_at) - extract(epoch from v.entered_at) > 86400 * s.time_limit_days)"
                    + " from crm_stage_visit v join crm_opportunity o on o.id = v.opportunity_id left join crm_stage s on s.id = v.stage_id"
                    + " where v.tenant_id = ? and v.left_at is not null group by 1, 2, 3", t.id());
            assertThat(stays).as("stage-duration months of %s in %s", t.id(), zone).containsExactlyInAnyOrderElementsOf(staysBase);
        }
        assertThat(ENV.rows("select zone from crm_report_summary_zone where id = ?", 1)).containsExactly(zone + "|");
        assertThat(ENV.rows("select zone from crm_stage_summary_zone where id = ?", 1)).containsExactly(zone + "|");
    }

    private static void exec(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static java.time.OffsetDateTime ts(Instant instant) {
        return ReportEnv.ts(instant);
    }

}
