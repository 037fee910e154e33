package dev.cartera.reporting;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.access.Action;
import dev.cartera.core.access.Role;
import dev.cartera.core.common.RecordType;
import dev.cartera.reporting.custom.CustomReports;
import dev.cartera.reporting.internal.ReportRunner;
import dev.cartera.reporting.internal.SummaryZone;

/**
 * The reporting entry point for a running {@link Cartera}: standard reports, periods, plans,
 * dashboards and custom reports, all run in the database within the caller's tenant and scope.
 *
 * <pre>{@code
 * CarteraReports reports = CarteraReports.create(crm);
 * var board = reports.dashboards().director();
 * }</pre>
 */
public final class CarteraReports {
    private final StandardReports standard;
    private final PeriodReports periods;
    private final Plans plans;
    private final Dashboards dashboards;
    private final CustomReports custom;
    private final ReportRunner runner;

    private CarteraReports(Cartera cartera, ReportSettings settings) {
        this.runner = new ReportRunner(cartera.transactions(), settings, cartera.meterRegistry());
        this.standard = new StandardReports(runner);
        this.periods = new PeriodReports(runner);
        this.plans = new Plans(runner);
        this.dashboards = new Dashboards(runner);
        this.custom = new CustomReports(runner);
    }

    public static CarteraReports create(Cartera cartera) {
        return new CarteraReports(cartera, ReportSettings.defaults());
    }

    public static CarteraReports create(Cartera cartera, ReportSettings settings) {
        return new CarteraReports(cartera, settings);
    }

    public StandardReports standard() {
        return standard;
    }

    public PeriodReports periods() {
        return periods;
    }

    public Plans plans() {
        return plans;
    }

    public Dashboards dashboards() {
        return dashboards;
    }

    public CustomReports custom() {
        return custom;
    }

    /**
     * Whether the reports read the monthly summaries (PostgreSQL, summaries cut in this instance's
     * report zone) or only the base tables. Either way the figures are the same.
     */
    public boolean summariesInUse() {
        return runner.read("summaries", ctx -> {
            ctx.work().require(Action.READ, RecordType.REPORT);
            return ctx.summariesUsable();
        });
    }

    /**
     * Cuts the monthly summaries (and the funnel and stage-duration summaries of migration V14, right after
     * them) again in this instance's report zone, for every tenant (the zone is one
     * per installation): after the {@link ReportSettings} zone changed, or after a bulk load that went
     * past the triggers. Until then the reports read the base tables. An administrator's operation; it
     * holds writes to deals and activities for its duration (seconds at a million deals). Returns false
     * where there are no summaries (H2) or the zone is not a region PostgreSQL knows. The deal summaries of
     * custom reports and ABC/XYZ (migration V15) are derived again too.
     */
    public boolean rebuildSummaries() {
        return runner.write("summaries-rebuild", ctx -> {
            if (ctx.work().actor().role() != Role.ADMIN) {
                throw new AccessDeniedException(Action.UPDATE, RecordType.REPORT);
            }
            boolean rebuilt = SummaryZone.rebuild(ctx.connection(), ctx.settings().zone());
            SummaryZone.rebuildDealSummary(ctx.connection());
            return rebuilt;
        });
    }
}
