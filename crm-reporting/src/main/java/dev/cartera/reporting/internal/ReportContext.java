package dev.cartera.reporting.internal;

import dev.cartera.core.access.Action;
import dev.cartera.core.access.Scope;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.reporting.FiscalCalendar;
import dev.cartera.reporting.ReportSettings;
import java.sql.Connection;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** One report run: the unit of work, its JDBC connection, the caller's tenant and visibility, settings. */
public final class ReportContext {
    private final UnitOfWork work;
    private final Connection connection;
    private final ReportSettings settings;
    private final Map<RecordType, Visibility> visibility = new EnumMap<>(RecordType.class);
    private final Map<Scope, ScopeFilter> byScope = new EnumMap<>(Scope.class);
    private ScopeFilter reportScope;
    private Boolean summariesUsable;
    private Boolean stageSummariesUsable;

    public ReportContext(UnitOfWork work, Connection connection, ReportSettings settings) {
        this.work = work;
        this.connection = connection;
        this.settings = settings;
    }

    public UnitOfWork work() {
        return work;
    }

    public Connection connection() {
        return connection;
    }

    public String tenant() {
        return work.tenantId();
    }

    public Instant now() {
        return work.now();
    }

    public ReportSettings settings() {
        return settings;
    }

    public FiscalCalendar calendar() {
        return settings.calendar();
    }

    /** The caller's visibility on a record type; asks the access policy once per run and type. */
    public Visibility visibility(RecordType type) {
        return visibility.computeIfAbsent(type, t -> Visibility.of(reportScope(), scope(t)));
    }

    /**
     * The caller's read scope on a type; the owners a scope reaches depend only on the caller and the
     * scope, so they are looked up once per run and scope (a manager's team once, not once per type).
     */
    private ScopeFilter scope(RecordType type) {
        Scope scope = work.require(Action.READ, type);
        return byScope.computeIfAbsent(scope, s -> work.scopeFilter(Action.READ, type));
    }

    private ScopeFilter reportScope() {
        if (reportScope == null) {
            reportScope = scope(RecordType.REPORT);
        }
        return reportScope;
    }

    /**
     * Whether the monthly summaries ({@link MonthSummary}) may be read in this run: only on PostgreSQL
     * (migration V12 creates them nowhere else) and only while they are cut in this run's report zone;
     * otherwise the reports read the base tables, never figures of another zone. Asked once per run,
     * and only by a report that could use them.
     */
    public boolean summariesUsable() {
        if (summariesUsable == null) {
            summariesUsable = SummaryZone.matches(connection, settings.zone());
        }
        return summariesUsable;
    }

    /**
     * Whether the funnel and stage-duration summaries (migration V14, read through {@link MonthSplit}) may be read in
     * this run: only on PostgreSQL and only while they are cut in this run's report zone.
     */
    public boolean stageSummariesUsable() {
        if (stageSummariesUsable == null) {
            stageSummariesUsable = SummaryZone.stageMatches(connection, settings.zone());
        }
        return stageSummariesUsable;
    }

    /**
     * The rest of this unit's statements run without parallel workers (PostgreSQL, within the unit's
     * transaction only: {@code set local}). For one aggregate of ~100,000 summary rows into tens of thousands
     * of groups, merging the workers' partial hash tables cost more than splitting the scan saved: the
     * parallel plans PostgreSQL picked for ABC/XYZ ran 60–70 ms slower than serial ones at full size.
     */
    public void withoutParallelWorkers() {
        try {
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                try (java.sql.PreparedStatement statement = connection.prepareStatement("set local max_parallel_workers_per_gather = 0")) {
                    statement.execute();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot set the report's plan: " + e.getMessage(), e);
        }
    }

    public <T> java.util.List<T> query(Sql sql, Sql.RowMapper<T> mapper) {
        return sql.query(connection, mapper);
    }
}
