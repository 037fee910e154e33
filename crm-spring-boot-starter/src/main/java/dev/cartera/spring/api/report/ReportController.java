package dev.cartera.spring.api.report;

import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.reporting.Dimension;
import dev.cartera.reporting.Measure;
import dev.cartera.reporting.ReportSettings;
import dev.cartera.reporting.ReportTable;
import dev.cartera.reporting.export.ExportFormat;
import dev.cartera.spring.reporting.ReportDownloads;
import dev.cartera.spring.reporting.ReportPeriod;
import dev.cartera.spring.reporting.StandardReportCatalog;
import dev.cartera.spring.reporting.StandardReportCatalog.Report;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The standard reports (KD-5, X-5, X-7, X-14, X-19) by name, for a period ({@code period=month|ytd|year|custom}
 * with {@code month=2026-05}, {@code fiscalYear} or {@code from}/{@code to}), a dimension and a measure.
 * {@code format=csv|xlsx|pdf} answers the same table as a file.
 */
@RestController
@RequestMapping("/reports/standard")
public class ReportController {
    private final StandardReportCatalog catalog;
    private final ReportSettings settings;
    private final dev.cartera.core.access.AccessPolicy policy;
    private final dev.cartera.core.team.UserService users;

    public ReportController(StandardReportCatalog catalog, ReportSettings settings, dev.cartera.core.access.AccessPolicy policy,
            dev.cartera.core.team.UserService users) {
        this.catalog = catalog;
        this.settings = settings;
        this.policy = policy;
        this.users = users;
    }

    /** A standard report, what it reads and the dimensions it can be broken down by. */
    public record ReportInfo(String name, boolean period, boolean dimension, boolean measure, List<Dimension> dimensions) {
    }

    @GetMapping
    public List<ReportInfo> list() {
        return Arrays.stream(Report.values())
                .map(r -> new ReportInfo(r.slug(), r.usesPeriod(), r.usesDimension(), r.usesMeasure(), catalog.dimensions(r, null)))
                .toList();
    }

    @GetMapping("/{name}")
    public ResponseEntity<?> run(@PathVariable String name, @RequestParam(required = false) String period,
            @RequestParam(required = false) String month, @RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String dimension, @RequestParam(required = false) String measure,
            @RequestParam(required = false) String format) {
        Report report = Report.bySlug(name).orElseThrow(() -> new NotFoundException(RecordType.REPORT, null));
        ExportFormat file = ReportDownloads.format(format);
        if (file != null) {
            ReportDownloads.requireExport(policy, users.me().role());
        }
        ReportTable table = catalog.run(report, new StandardReportCatalog.Request(
                ReportPeriod.parse(period, month, fiscalYear, from, to),
                StandardReportCatalog.option(Dimension.class, dimension, "dimension"),
                StandardReportCatalog.option(Measure.class, measure, "measure")));
        if (file != null) {
            return ReportDownloads.download(table, file, report.slug(), settings.zone());
        }
        return ResponseEntity.ok(table);
    }
}
