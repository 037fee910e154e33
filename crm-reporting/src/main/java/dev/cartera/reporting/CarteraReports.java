package dev.cartera.reporting;

import dev.cartera.core.Cartera;
import dev.cartera.reporting.custom.CustomReports;
import dev.cartera.reporting.internal.ReportRunner;

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

    private CarteraReports(Cartera cartera, ReportSettings settings) {
        ReportRunner runner = new ReportRunner(cartera.transactions(), settings, cartera.meterRegistry());
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
}
