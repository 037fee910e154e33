package dev.cartera.reporting;

import static dev.cartera.reporting.Oracle.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.testing.TestDatabases;
import dev.cartera.reporting.Oracle.Viewer;
import dev.cartera.reporting.custom.DealSummary;
import dev.cartera.reporting.custom.ReportDefinition;
import dev.cartera.reporting.custom.ReportDefinition.Aggregate;
import dev.cartera.reporting.custom.ReportDefinition.Filter;
import dev.cartera.reporting.custom.ReportDefinition.MeasureSpec;
import dev.cartera.reporting.custom.ReportDefinition.Operator;
import dev.cartera.reporting.custom.ReportDefinition.SortSpec;
import dev.cartera.reporting.custom.ReportSubject;
import dev.cartera.reporting.custom.SavedReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The all-deals summary of migration V15 (PostgreSQL): after any writes it is exactly what its rebuild
 * derives from the deals, and a grouped custom report answered from it has the same rows, in the same
 * order, as the same report read from the deals and as a straightforward computation in Java, for a rep,
 * a manager and a director, run directly or through a definition another user shared.
 */
class PostgresDealSummaryProperties {
    private static final ReportEnv ENV = new ReportEnv(TestDatabases.freshPostgres());
    private static final ReportEnv.Tenant[] TENANTS = {ENV.tenant("ds"), ENV.tenant("ds")};
    private static final List<String> FIELDS = List.of("status", "stage", "owner", "source", "lostReason", "currency");
    private static final List<String> STATUSES = List.of("OPEN", "WON", "LOST");
    private static final Map<String, List<String>> TEXTS = Map.of("source", List.of("web", "referral", "fair", "RE", "e"),
            "lostReason", List.of("price", "competitor", "timing", "Ti", "co"), "currency", List.of("EUR", "USD", "eu"));

    static {
        ENV.fx.clock.set(Dataset.NOW);
    }

    @AfterContainer
    static void close() {
        ENV.close();
    }

    // ------------------------------------------------------------------ reports: summary = deals = Java

    /** A filter before it meets a tenant: which field, which operator (of those that fit it) and which values. */
    record FilterSpec(int field, int op, int a, int b) {
    }

    /** Groupings and measures by index (measures: count, sum and average of the amount), filters, an optional sort. */
    record Spec(List<Integer> groupings, List<Integer> measures, List<FilterSpec> filters, int sort, boolean descending) {
    }

    @Provide
    Arbitrary<Spec> specs() {
        Arbitrary<FilterSpec> filter = Combinators.combine(Arbitraries.integers().between(0, FIELDS.size() - 1),
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 4))
                .as(FilterSpec::new);
        return Combinators.combine(Arbitraries.integers().between(0, FIELDS.size() - 1).list().uniqueElements().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(0, 2).list().uniqueElements().ofMinSize(1).ofMaxSize(3), filter.list().ofMaxSize(2),
                Arbitraries.integers().between(-1, 5), Arbitraries.of(true, false)).as(Spec::new);
    }

    @Provide
    Arbitrary<Dataset> data() {
        return Dataset.datasets();
    }

    @Property(tries = 40)
    void aGroupedReportReadsTheSameRowsFromTheSummaryAsFromTheDeals(@ForAll("data") Dataset data, @ForAll("specs") Spec spec,
            @ForAll Viewer viewer, @ForAll @IntRange(min = 0, max = 4) int nullEvery, @ForAll boolean dollars) {
        ReportEnv.Tenant t = load(data, nullEvery, dollars);
        CarteraReports reports = CarteraReports.create(ENV.fx.cartera);
        ReportDefinition definition = definition(spec, t);
        assertThat(DealSummary.answers(definition)).as("read from the summary").isTrue();
        // created_at is never null: the same rows, but a field the summary does not keep, so read from the deals.
        List<Filter> always = new ArrayList<>(definition.filters());
        always.add(Filter.of("createdAt", Operator.NOT_NULL));
        ReportDefinition fromDeals = new ReportDefinition(definition.subject(), definition.columns(), always, definition.groupings(),
                definition.measures(), definition.sort(), definition.formatting(), definition.limit());
        assertThat(DealSummary.answers(fromDeals)).as("read from the deals").isFalse();

        List<List<Object>> summary = rows(as(t, viewer.username, () -> reports.custom().run(definition)));
        List<List<Object>> deals = rows(as(t, viewer.username, () -> reports.custom().run(fromDeals)));
        assertThat(summary).as("summary against deals").isEqualTo(deals);
        assertThat(summary.stream().map(PostgresDealSummaryProperties::text).sorted().toList()).as("summary against Java")
                .isEqualTo(expected(data, spec, definition, viewer, t, nullEvery, dollars));

        SavedReport shared = as(t, "director", () -> reports.custom().save("Por etapa", definition, true));
        assertThat(rows(as(t, viewer.username, () -> reports.custom().runSaved(shared.id())))).as("shared, in the runner's scope")
                .isEqualTo(summary);
    }

    /**
     * The report really reads the summary on PostgreSQL: a cell changed past the triggers shows in it and
     * not in the same report read from the deals, until an administrator rebuilds the summaries.
     */
    @Example
    void aGroupedReportOverDealsReadsTheSummaryUntilItIsRebuilt() throws SQLException {
        ReportEnv.Tenant t = TENANTS[0];
        ENV.clear(t);
        CarteraReports reports = CarteraReports.create(ENV.fx.cartera);
        ReportDefinition byStatus = ReportDefinition.grouped(ReportSubject.OPPORTUNITIES, List.of("status"),
                List.of(MeasureSpec.count(), MeasureSpec.of(Aggregate.SUM, "amount")), List.of());
        ReportDefinition fromDeals = ReportDefinition.grouped(ReportSubject.OPPORTUNITIES, List.of("status"),
                List.of(MeasureSpec.count(), MeasureSpec.of(Aggregate.SUM, "amount")), List.of(Filter.of("name", Operator.NOT_NULL)));
        try (Connection c = ENV.dataSource.getConnection()) {
            insertDeal(c, t, "WON", 1, new BigDecimal("100.50"), "web", null, "EUR", 0);
            insertDeal(c, t, "WON", 2, new BigDecimal("20"), "web", null, "EUR", 0);
            assertThat(rows(as(t, "director", () -> reports.custom().run(byStatus))))
                    .containsExactly(List.of("WON", 2L, new BigDecimal("120.5")));
            exec(c, "update crm_deal_summary set n = n + 5, amount = amount + 1 where tenant_id = ?", t.id());
        }
        // Five deals and one euro more in each of the two cells (stages 1 and 2).
        assertThat(rows(as(t, "director", () -> reports.custom().run(byStatus)))).containsExactly(List.of("WON", 12L, new BigDecimal("122.5")));
        assertThat(rows(as(t, "director", () -> reports.custom().run(fromDeals)))).containsExactly(List.of("WON", 2L, new BigDecimal("120.5")));
        assertThatThrownBy(() -> as(t, "director", reports::rebuildSummaries)).isInstanceOf(AccessDeniedException.class);
        as(t, "admin", reports::rebuildSummaries);
        assertThat(rows(as(t, "director", () -> reports.custom().run(byStatus)))).containsExactly(List.of("WON", 2L, new BigDecimal("120.5")));
        assertSummaryMatchesDeals();
    }

    /**
     * The account months follow the report zone: V12's rebuild in another zone cuts them again there, writes
     * after it are cut there too, and the rebuild back restores them.
     */
    @Property(tries = 5)
    void theAccountMonthsFollowTheReportZone(@ForAll("ops") List<Op> ops) throws SQLException {
        for (ReportEnv.Tenant t : TENANTS) {
            ENV.clear(t);
        }
        try (Connection c = ENV.dataSource.getConnection()) {
            for (Op op : ops) {
                apply(c, op);
            }
            // Won at 00:30 on 1 March in Madrid: still February in New York.
            ReportEnv.Tenant t = TENANTS[0];
            exec(c, "insert into crm_opportunity (id, tenant_id, version, created_at, updated_at, name, pipeline_id, stage_id, amount,"
                    + " owner_id, status, account_id, closed_at) values (?, ?, 0, ?, ?, 'D', ?, ?, 10, ?, 'WON', ?, ?)", UUID.randomUUID(),
                    t.id(), ReportEnv.ts(CLOSE), ReportEnv.ts(CLOSE), t.pipeline(), t.stageAt(4).id(), t.owner(1), t.accounts().get(1),
                    ReportEnv.ts(Instant.parse("2025-02-28T23:30:00Z")));
            exec(c, "select crm_rebuild_report_summaries(?)", "America/New_York");
            assertSummaryMatchesDeals();
            for (Op op : ops) {
                apply(c, new Op(op.kind(), op.tenant(), op.row() + 1, op.b(), op.a()));
            }
            assertSummaryMatchesDeals();
        } finally {
            try (Connection c = ENV.dataSource.getConnection()) {
                exec(c, "select crm_rebuild_report_summaries(?)", "Europe/Madrid");
            }
        }
        assertSummaryMatchesDeals();
    }

    /**
     * A director's ABC/XYZ reads the whole months from the account months (a cell changed past the triggers
     * shows), a rep's reads the deals (it does not); the partial months at the ends come from the deals.
     */
    @Example
    void aDirectorsSegmentationReadsTheAccountMonths() throws SQLException {
        ReportEnv.Tenant t = TENANTS[0];
        ENV.clear(t);
        CarteraReports reports = CarteraReports.create(ENV.fx.cartera);
        DateRange range = DateRange.of(java.time.LocalDate.of(2025, 1, 15), java.time.LocalDate.of(2025, 3, 31));
        try (Connection c = ENV.dataSource.getConnection()) {
            // Won by the rep on 10 February (a whole month of the range) and 20 January (its partial first month).
            exec(c, "insert into crm_opportunity (id, tenant_id, version, created_at, updated_at, name, pipeline_id, stage_id, amount,"
                    + " owner_id, status, account_id, closed_at) values (?, ?, 0, ?, ?, 'D', ?, ?, ?, ?, 'WON', ?, ?), (?, ?, 0, ?, ?, 'D', ?, ?,"
                    + " ?, ?, 'WON', ?, ?)", UUID.randomUUID(), t.id(), ReportEnv.ts(CLOSE), ReportEnv.ts(CLOSE), t.pipeline(),
                    t.stageAt(4).id(), new BigDecimal("100"), t.owner(0), t.accounts().get(0), ReportEnv.ts(Instant.parse("2025-02-10T10:00:00Z")),
                    UUID.randomUUID(), t.id(), ReportEnv.ts(CLOSE), ReportEnv.ts(CLOSE), t.pipeline(), t.stageAt(4).id(), new BigDecimal("30"),
                    t.owner(0), t.accounts().get(0), ReportEnv.ts(Instant.parse("2025-01-20T10:00:00Z")));
            assertThat(revenue(t, "director", reports, range)).isEqualByComparingTo("130");
            assertThat(revenue(t, "rep", reports, range)).isEqualByComparingTo("130");
            exec(c, "update crm_account_month set amount = amount + 1000 where tenant_id = ?", t.id());
        }
        try {
            assertThat(revenue(t, "director", reports, range)).isEqualByComparingTo("1130");
            assertThat(revenue(t, "rep", reports, range)).isEqualByComparingTo("130");
        } finally {
            as(t, "admin", reports::rebuildSummaries);
        }
        assertThat(revenue(t, "director", reports, range)).isEqualByComparingTo("130");
    }

    /**
     * A range of two partial months is read from the deals in one stretch: each month stays its own point
     * of the account's series (100 and 100, steady: X), not one month of 200 (which would be Z).
     */
    @Example
    void twoPartialMonthsStayTwoMonthsOfTheSeries() throws SQLException {
        ReportEnv.Tenant t = TENANTS[0];
        ENV.clear(t);
        CarteraReports reports = CarteraReports.create(ENV.fx.cartera);
        try (Connection c = ENV.dataSource.getConnection()) {
            for (String closed : List.of("2025-01-20T10:00:00Z", "2025-02-05T10:00:00Z")) {
                exec(c, "insert into crm_opportunity (id, tenant_id, version, created_at, updated_at, name, pipeline_id, stage_id, amount,"
                        + " owner_id, status, account_id, closed_at) values (?, ?, 0, ?, ?, 'D', ?, ?, ?, ?, 'WON', ?, ?)", UUID.randomUUID(),
                        t.id(), ReportEnv.ts(CLOSE), ReportEnv.ts(CLOSE), t.pipeline(), t.stageAt(4).id(), new BigDecimal("100"), t.owner(0),
                        t.accounts().get(0), ReportEnv.ts(Instant.parse(closed)));
            }
        }
        DateRange range = DateRange.of(java.time.LocalDate.of(2025, 1, 15), java.time.LocalDate.of(2025, 2, 10));
        for (String user : List.of("director", "rep")) {
            List<StandardReports.SegmentRow> rows = as(t, user, () -> reports.standard().abcXyz(range));
            assertThat(rows).as(user).singleElement().satisfies(r -> {
                assertThat(r.revenue()).isEqualByComparingTo("200");
                assertThat(r.variation()).isZero();
                assertThat(r.xyz()).isEqualTo(StandardReports.XyzClass.X);
            });
        }
    }

    /** ABC/XYZ's serial plan holds for its own transaction only; on H2 asking for it does nothing. */
    @Example
    void withoutParallelWorkersLastsOneTransaction() throws SQLException {
        try (Connection c = ENV.dataSource.getConnection()) {
            String before = setting(c);
            c.setAutoCommit(false);
            new dev.cartera.reporting.internal.ReportContext(null, c, ReportSettings.defaults()).withoutParallelWorkers();
            assertThat(setting(c)).isEqualTo("0");
            c.commit();
            assertThat(setting(c)).isEqualTo(before).isNotEqualTo("0");
        }
        try (Connection h2 = TestDatabases.freshH2().getConnection()) {
            h2.setAutoCommit(false);
            new dev.cartera.reporting.internal.ReportContext(null, h2, ReportSettings.defaults()).withoutParallelWorkers();
            h2.commit();
        }
    }

    private static String setting(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("show max_parallel_workers_per_gather"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static BigDecimal revenue(ReportEnv.Tenant t, String user, CarteraReports reports, DateRange range) {
        return as(t, user, () -> reports.standard().abcXyz(range)).stream().map(StandardReports.SegmentRow::revenue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private ReportEnv.Tenant load(Dataset data, int nullEvery, boolean dollars) {
        List<String> nulls = new ArrayList<>();
        List<String> usd = new ArrayList<>();
        for (int i = 0; i < data.deals().size(); i++) {
            if (nullEvery > 0 && i % nullEvery == 0) {
                nulls.add("Deal " + i);
            }
            if (dollars && i % 3 == 1) {
                usd.add("Deal " + i);
            }
        }
        for (ReportEnv.Tenant t : TENANTS) {
            ENV.clear(t);
            ENV.write(t, data);
            // Past the writer, through the triggers: amounts the average must leave out, another currency.
            try (Connection c = ENV.dataSource.getConnection()) {
                exec(c, "update crm_opportunity set amount = null where tenant_id = ? and name = any(?)", t.id(),
                        c.createArrayOf("varchar", nulls.toArray()));
                exec(c, "update crm_opportunity set currency = 'USD' where tenant_id = ? and name = any(?)", t.id(),
                        c.createArrayOf("varchar", usd.toArray()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return TENANTS[0];
    }

    private static ReportDefinition definition(Spec spec, ReportEnv.Tenant t) {
        List<String> groupings = spec.groupings().stream().map(FIELDS::get).toList();
        List<MeasureSpec> measures = spec.measures().stream().map(m -> switch (m) {
            case 0 -> MeasureSpec.count();
            case 1 -> MeasureSpec.of(Aggregate.SUM, "amount");
            default -> MeasureSpec.of(Aggregate.AVG, "amount");
        }).toList();
        List<Filter> filters = spec.filters().stream().map(f -> filter(f, t)).toList();
        List<String> keys = new ArrayList<>(groupings);
        measures.forEach(m -> keys.add(m.key()));
        List<SortSpec> sort = spec.sort() < 0 ? List.of()
                : List.of(new SortSpec(keys.get(spec.sort() % keys.size()), spec.descending()));
        return ReportDefinition.grouped(ReportSubject.OPPORTUNITIES, groupings, measures, filters).sortedBy(sort);
    }

    private static Filter filter(FilterSpec f, ReportEnv.Tenant t) {
        String field = FIELDS.get(f.field());
        boolean text = TEXTS.containsKey(field);
        List<Operator> ops = new ArrayList<>(List.of(Operator.EQ, Operator.NE, Operator.IN, Operator.IS_NULL, Operator.NOT_NULL));
        if (text) {
            ops.addAll(List.of(Operator.CONTAINS, Operator.STARTS_WITH));
        }
        Operator op = ops.get(f.op() % ops.size());
        List<String> values = switch (op) {
            case IS_NULL, NOT_NULL -> List.of();
            case IN -> List.of(value(field, f.a(), t), value(field, f.b(), t));
            default -> List.of(value(field, f.a(), t));
        };
        return new Filter(field, op, values);
    }

    private static String value(String field, int i, ReportEnv.Tenant t) {
        return switch (field) {
            case "status" -> STATUSES.get(i % STATUSES.size());
            case "stage" -> t.stageAt(1 + i % 5).id().toString();
            case "owner" -> t.owner(i % 5).toString();
            default -> TEXTS.get(field).get(i % TEXTS.get(field).size());
        };
    }

    /** The report's rows computed in Java from the generated deals, as text, sorted. */
    private static List<String> expected(Dataset data, Spec spec, ReportDefinition definition, Viewer viewer, ReportEnv.Tenant t,
            int nullEvery, boolean dollars) {
        Map<UUID, String> names = userNames(t);
        Map<List<Object>, List<Object[]>> groups = new HashMap<>();
        for (int i = 0; i < data.deals().size(); i++) {
            Dataset.Deal d = data.deals().get(i);
            if (!viewer.sees(d.owner())) {
                continue;
            }
            int position = d.positions().get(d.positions().size() - 1);
            Map<String, Object> stored = new HashMap<>();
            stored.put("status", d.outcome().name());
            stored.put("stage", t.stageAt(position).id());
            stored.put("owner", t.owner(d.owner()));
            stored.put("source", d.source());
            stored.put("lostReason", d.outcome() == Dataset.Outcome.LOST ? d.lostReason() : null);
            stored.put("currency", dollars && i % 3 == 1 ? "USD" : "EUR");
            if (!definition.filters().stream().allMatch(f -> matches(stored.get(f.field()), f))) {
                continue;
            }
            List<Object> key = new ArrayList<>();
            for (String g : definition.groupings()) {
                Object v = stored.get(g);
                key.add(switch (g) {
                    case "stage" -> t.stageAt(position).name();
                    case "owner" -> v == null ? null : names.get(v);
                    default -> v;
                });
                key.add(v); // groups are per stored value, shown by its name
            }
            BigDecimal amount = nullEvery > 0 && i % nullEvery == 0 ? null : d.amount();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Object[] {amount});
        }
        List<String> out = new ArrayList<>();
        groups.forEach((key, deals) -> {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < key.size(); i += 2) {
                row.add(key.get(i));
            }
            BigDecimal sum = BigDecimal.ZERO;
            long amounts = 0;
            for (Object[] deal : deals) {
                if (deal[0] != null) {
                    sum = sum.add((BigDecimal) deal[0]);
                    amounts++;
                }
            }
            for (MeasureSpec m : definition.measures()) {
                row.add(switch (m.aggregate()) {
                    case COUNT -> (long) deals.size();
                    case SUM -> sum;
                    default -> amounts == 0 ? null : sum.divide(BigDecimal.valueOf(amounts), 4, RoundingMode.HALF_UP);
                });
            }
            out.add(text(row));
        });
        return out.stream().sorted().toList();
    }

    private static boolean matches(Object value, Filter f) {
        List<String> values = f.values();
        String text = value == null ? null : value.toString();
        return switch (f.operator()) {
            case EQ -> text != null && text.equals(values.get(0));
            case NE -> text == null || !text.equals(values.get(0));
            case IN -> text != null && values.contains(text);
            case IS_NULL -> text == null;
            case NOT_NULL -> text != null;
            case CONTAINS -> text != null && text.toLowerCase(Locale.ROOT).contains(values.get(0).toLowerCase(Locale.ROOT));
            case STARTS_WITH -> text != null && text.toLowerCase(Locale.ROOT).startsWith(values.get(0).toLowerCase(Locale.ROOT));
            default -> throw new IllegalArgumentException(f.operator().name());
        };
    }

    private static Map<UUID, String> userNames(ReportEnv.Tenant t) {
        Map<UUID, String> names = new HashMap<>();
        try (Connection c = ENV.dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, display_name from crm_user where tenant_id = ?")) {
            s.setString(1, t.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static List<List<Object>> rows(dev.cartera.reporting.custom.CustomReportResult result) {
        return result.table().rows().stream().map(ReportTable.Row::cells).toList();
    }

    private static String text(List<Object> row) {
        return String.join("|", row.stream().map(v -> v instanceof BigDecimal d ? n(d) : String.valueOf(v)).toList());
    }

    private static <T> T as(ReportEnv.Tenant t, String user, Supplier<T> work) {
        return ENV.fx.session.call(t.id(), user, work);
    }

    // ------------------------------------------------------------------ the triggers: summary = rebuild

    /** A write: {@code kind} chooses the statement; the other numbers its tenant, rows and values. */
    record Op(int kind, int tenant, int row, int a, int b) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 11))
                .as(Op::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 40)
    void theSummaryEqualsItsRebuildAfterAnyWrites(@ForAll("ops") List<Op> ops) throws SQLException {
        for (ReportEnv.Tenant t : TENANTS) {
            ENV.clear(t);
        }
        try (Connection c = ENV.dataSource.getConnection()) {
            for (Op op : ops) {
                apply(c, op);
            }
        }
        assertSummaryMatchesDeals();
    }

    private static final String[] STATUS = {"OPEN", "WON", "LOST", null};
    private static final String[] SOURCE = {"web", "fair", null};
    private static final String[] CURRENCY = {"EUR", "USD", null};
    private static final Instant CLOSE = Instant.parse("2025-01-31T22:30:00Z");

    /**
     * Close times around month starts: 22:30 the day before, 00:30 and 02:30 on the 1st in Madrid, in
     * 2025 and 2026 (winter and summer time) — the last two are still the previous month in New York.
     */
    private static Instant close(int k) {
        java.time.ZonedDateTime first = java.time.LocalDate.of(2025, 1, 1).plusMonths(k % 17).atStartOfDay(java.time.ZoneId.of("Europe/Madrid"));
        return first.plusMinutes(30 + ((k / 17) % 3 - 1) * 120L).toInstant();
    }

    private static UUID account(ReportEnv.Tenant t, int i) {
        return i % 4 == 3 ? null : t.accounts().get(i % 4);
    }

    private static void apply(Connection c, Op op) throws SQLException {
        ReportEnv.Tenant t = TENANTS[op.tenant()];
        String status = STATUS[op.a() % STATUS.length];
        String pick = "(select id from crm_opportunity where tenant_id = ? order by id offset ? limit 1)";
        switch (op.kind()) {
            case 0, 1 -> { // one or several deals in one statement
                int rows = op.kind() == 0 ? 1 : 2 + op.b() % 4;
                StringBuilder sql = new StringBuilder("insert into crm_opportunity (id, tenant_id, version, created_at, updated_at, name,"
                        + " pipeline_id, stage_id, amount, currency, owner_id, source, status, lost_reason, account_id, closed_at) values ");
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    String st = STATUS[(op.a() + i) % STATUS.length];
                    Instant closed = "OPEN".equals(st) && i % 2 == 0 ? null : close(op.b() * 5 + op.row() + i * 7);
                    sql.append(i > 0 ? ", " : "").append("(?, ?, 0, ?, ?, 'D', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    values.addAll(Arrays.asList(UUID.randomUUID(), t.id(), ReportEnv.ts(Dataset.NOW), ReportEnv.ts(Dataset.NOW),
                            t.pipeline(), t.stageAt(1 + (op.a() + i) % 5).id(), op.b() % 5 == 0 ? null : new BigDecimal(op.b() * 100 + i + ".25"),
                            CURRENCY[(op.b() + i) % 3], t.owner((op.a() + i) % 6), SOURCE[(op.b() + i) % 3], st,
                            "LOST".equals(st) ? (i % 2 == 0 ? "precio" : "plazo") : null, account(t, op.a() + i),
                            closed == null ? null : ReportEnv.ts(closed)));
                }
                exec(c, sql.toString(), values.toArray());
            }
            case 2 -> exec(c, "update crm_opportunity set status = ?, stage_id = ?, lost_reason = ? where id = " + pick, status,
                    t.stageAt(1 + op.b() % 5).id(), "LOST".equals(status) ? "precio" : null, t.id(), op.row() % 8);
            case 3 -> exec(c, "update crm_opportunity set amount = ?, owner_id = ?, source = ?, currency = ? where id = " + pick,
                    op.a() == 0 ? null : new BigDecimal(op.a() + "000.5"), t.owner(op.b() % 6), SOURCE[op.a() % 3], CURRENCY[op.b() % 3],
                    t.id(), op.row() % 8);
            case 4 -> exec(c, "update crm_opportunity set owner_id = ? where tenant_id = ? and owner_id is not distinct from ?",
                    t.owner(op.b() % 6), t.id(), t.owner(op.a() % 6));
            case 5 -> exec(c, "update crm_opportunity set amount = amount * 2 where tenant_id = ? and status is not distinct from ?",
                    t.id(), status);
            case 6 -> exec(c, "delete from crm_opportunity where id = " + pick, t.id(), op.row() % 8);
            case 7 -> exec(c, "delete from crm_opportunity where tenant_id = ? and owner_id is not distinct from ?", t.id(),
                    t.owner(op.a() % 6));
            case 8 -> exec(c, "update crm_opportunity set name = 'E' where id = " + pick, t.id(), op.row() % 8);
            case 9 -> exec(c, "update crm_opportunity set closed_at = ?, account_id = ? where id = " + pick,
                    op.a() == 0 ? null : ReportEnv.ts(close(op.b() + op.a() * 17)), account(t, op.b()), t.id(),
                    op.row() % 8);
            case 10 -> exec(c, "update crm_opportunity set closed_at = closed_at + interval '9 days', status = ? where tenant_id = ?"
                    + " and account_id is not distinct from ?", status, t.id(), account(t, op.b()));
            default -> exec(c, "update crm_opportunity set amount = null, lost_reason = 'otro' where tenant_id = ? and source is not distinct from ?",
                    t.id(), SOURCE[op.b() % 3]);
        }
    }

    private static void assertSummaryMatchesDeals() {
        for (ReportEnv.Tenant t : TENANTS) {
            List<String> kept = ENV.rows("select status, stage_id, owner_id, source, lost_reason, currency, n, amount, n_amount"
                    + " from crm_deal_summary where tenant_id = ?", t.id());
            List<String> derived = ENV.rows("select status, stage_id, owner_id, source, lost_reason, currency, count(*),"
                    + " coalesce(sum(amount), 0), count(amount) from crm_opportunity where tenant_id = ? group by 1, 2, 3, 4, 5, 6", t.id());
            assertThat(kept).as("deal summary of %s", t.id()).containsExactlyInAnyOrderElementsOf(derived);
            String zone = ENV.rows("select zone from crm_report_summary_zone where id = ?", 1).get(0).replace("|", "");
            List<String> months = ENV.rows("select month, account_id, n, amount from crm_account_month where tenant_id = ?", t.id());
            List<String> monthsDerived = ENV.rows("select date_trunc('month', closed_at at time zone '" + zone + "')::date, account_id,"
                    + " count(*), sum(amount) from crm_opportunity where tenant_id = ? and status = 'WON' and account_id is not null"
                    + " and amount is not null and closed_at is not null group by 1, 2", t.id());
            assertThat(months).as("account months of %s in %s", t.id(), zone).containsExactlyInAnyOrderElementsOf(monthsDerived);
        }
    }

    private static void insertDeal(Connection c, ReportEnv.Tenant t, String status, int position, BigDecimal amount, String source,
            String lostReason, String currency, int ownerSlot) throws SQLException {
        Instant now = Dataset.NOW;
        exec(c, "insert into crm_opportunity (id, tenant_id, version, created_at, updated_at, name, pipeline_id, stage_id, amount,"
                + " currency, owner_id, source, status, lost_reason) values (?, ?, 0, ?, ?, 'D', ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(),
                t.id(), ReportEnv.ts(now), ReportEnv.ts(now), t.pipeline(), t.stageAt(position).id(), amount, currency, t.owner(ownerSlot),
                source, status, lostReason);
    }

    private static void exec(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.execute();
        }
    }
}
