package dev.cartera.spring.ui;

import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.Priority;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.reporting.CarteraReports;
import dev.cartera.reporting.Dimension;
import dev.cartera.reporting.Measure;
import dev.cartera.reporting.ReportSettings;
import dev.cartera.reporting.ReportTable;
import dev.cartera.reporting.custom.CustomReportResult;
import dev.cartera.reporting.custom.CustomReports;
import dev.cartera.reporting.custom.Field;
import dev.cartera.reporting.custom.FieldType;
import dev.cartera.reporting.custom.ReportDefinition;
import dev.cartera.reporting.custom.ReportSubject;
import dev.cartera.reporting.custom.SavedReport;
import dev.cartera.reporting.custom.TaskTemplate;
import dev.cartera.reporting.export.ExportFormat;
import dev.cartera.spring.CarteraProperties;
import dev.cartera.spring.reporting.ReportDownloads;
import dev.cartera.spring.reporting.ReportPeriod;
import dev.cartera.spring.reporting.StandardReportCatalog;
import dev.cartera.spring.reporting.StandardReportCatalog.Report;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reports (KD-5, X-16, X-17): the standard reports with a period and a dimension, the custom report
 * builder, saved reports and panels, exports, and a task for each row of a report.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/reports")
class ReportsController implements CarteraUiController {
    private static final List<String> AGGREGATES = List.of("SUM", "AVG", "MIN", "MAX");

    private final CarteraReports reports;
    private final StandardReportCatalog catalog;
    private final ReportSettings settings;
    private final CarteraMessages messages;
    private final ReportText text;
    private final String base;
    private final dev.cartera.core.access.AccessPolicy policy;
    private final dev.cartera.core.team.UserService users;

    ReportsController(CarteraReports reports, StandardReportCatalog catalog, ReportSettings settings, CarteraMessages messages,
            CarteraUiFormat format, CarteraProperties properties, dev.cartera.core.access.AccessPolicy policy,
            dev.cartera.core.team.UserService users) {
        this.policy = policy;
        this.users = users;
        this.reports = reports;
        this.catalog = catalog;
        this.settings = settings;
        this.messages = messages;
        this.text = new ReportText(messages, format);
        this.base = properties.web().basePath();
    }

    // ------------------------------------------------------------------ standard reports

    @GetMapping
    String index(@RequestParam(defaultValue = "pipeline") String report, @RequestParam(required = false) String period,
            @RequestParam(required = false) String month, @RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String dimension, @RequestParam(required = false) String measure, Model model) {
        Report chosen = Report.bySlug(report).orElse(Report.PIPELINE);
        Measure m = StandardReportCatalog.option(Measure.class, measure, "measure");
        Dimension d = StandardReportCatalog.option(Dimension.class, dimension, "dimension");
        List<Dimension> dimensions = catalog.dimensions(chosen, m);
        if (d != null && !dimensions.contains(d)) {
            d = null;
        }
        ReportPeriod p = ReportPeriod.parse(period, month, fiscalYear, from, to);
        ReportTable table = channelNames(catalog.run(chosen, new StandardReportCatalog.Request(p, d, m)), d);
        model.addAttribute("section", "reports");
        model.addAttribute("reportsList", Report.values());
        model.addAttribute("report", chosen);
        model.addAttribute("period", p.kind().name());
        model.addAttribute("month", month == null ? java.time.YearMonth.from(catalog.today()).toString() : month);
        model.addAttribute("fiscalYear", p.fiscalYear(catalog.calendar(), catalog.today()));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("dimension", d == null ? Dimension.NONE : d);
        model.addAttribute("dimensions", dimensions);
        model.addAttribute("measure", StandardReportCatalog.measureOrDefault(m));
        model.addAttribute("measures", Measure.values());
        model.addAttribute("periods", ReportPeriod.Kind.values());
        model.addAttribute("fiscalStart", settings.fiscalYearStart().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, text.locale()));
        model.addAttribute("figure", figure("standard", text.msg("cartera.reports.standard." + chosen.slug()), table, chosen != Report.STUCK_DEALS,
                !chosen.usesMeasure() || StandardReportCatalog.measureOrDefault(m).isAmount()));
        model.addAttribute("query", query(chosen, p, month, from, to, d, m));
        model.addAttribute("saved", reports.custom().list());
        model.addAttribute("panels", reports.custom().panels());
        model.addAttribute("canExport", ReportDownloads.mayExport(policy, users.me().role()));
        return "cartera/reports";
    }

    @GetMapping("/standard/{name}/export")
    ResponseEntity<byte[]> exportStandard(@PathVariable String name, @RequestParam String format,
            @RequestParam(required = false) String period, @RequestParam(required = false) String month,
            @RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String dimension, @RequestParam(required = false) String measure) {
        Report report = Report.bySlug(name).orElseThrow(() -> new NotFoundException(RecordType.REPORT, null));
        ReportDownloads.requireExport(policy, users.me().role());
        Dimension d = StandardReportCatalog.option(Dimension.class, dimension, "dimension");
        ReportTable table = channelNames(catalog.run(report, new StandardReportCatalog.Request(ReportPeriod.parse(period, month, fiscalYear, from, to),
                d, StandardReportCatalog.option(Measure.class, measure, "measure"))), d);
        return ReportDownloads.download(localised(table, text.msg("cartera.reports.standard." + report.slug())),
                exportFormat(format), text.msg("cartera.reports.standard." + report.slug()), settings.zone());
    }

    // ------------------------------------------------------------------ custom reports

    @GetMapping("/custom/new")
    String builder(@RequestParam(required = false) ReportSubject subject, Model model) {
        return builder(model, ReportBuilderForm.of(subject), null, null, new FormErrors(messages));
    }

    @GetMapping("/custom/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        SavedReport saved = reports.custom().get(id);
        return builder(model, ReportBuilderForm.of(saved), saved, null, new FormErrors(messages));
    }

    /** Runs the definition on the page without saving it. */
    @PostMapping("/custom/preview")
    String preview(@ModelAttribute("form") ReportBuilderForm form, @RequestParam(required = false) UUID id, Model model) {
        FormErrors errors = new FormErrors(messages);
        CustomReportResult result = null;
        try {
            result = reports.custom().run(form.toDefinition(text.locale()));
        } catch (ValidationException e) {
            errors.add(e);
        }
        return builder(model, form, id == null ? null : reports.custom().get(id), result, errors);
    }

    @PostMapping("/custom")
    String save(@ModelAttribute("form") ReportBuilderForm form, @RequestParam(required = false) UUID id,
            @RequestParam(required = false) Long version, Model model) {
        FormErrors errors = new FormErrors(messages);
        try {
            SavedReport saved = id == null
                    ? reports.custom().save(form.getName(), form.toDefinition(text.locale()), form.isShared())
                    : reports.custom().update(id, version == null ? reports.custom().get(id).version() : version, form.getName(),
                            form.toDefinition(text.locale()), form.isShared());
            return "redirect:" + base + "/reports/custom/" + saved.id();
        } catch (ValidationException e) {
            errors.add(e);
        }
        return builder(model, form, id == null ? null : reports.custom().get(id), null, errors);
    }

    @GetMapping("/custom/{id}")
    String show(@PathVariable UUID id, Model model) {
        SavedReport saved = reports.custom().get(id);
        CustomReportResult result = reports.custom().runSaved(id);
        model.addAttribute("section", "reports");
        model.addAttribute("saved", saved);
        model.addAttribute("figure", customFigure("custom", saved.name(), result));
        model.addAttribute("truncated", result.truncated());
        model.addAttribute("grouped", saved.definition().isGrouped());
        model.addAttribute("taskTypes", List.of(ActivityType.CALL, ActivityType.EMAIL, ActivityType.MEETING, ActivityType.VISIT, ActivityType.TODO));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("rowsBehind", reports.custom().run(CustomReports.rowsBehind(saved.definition())).recordIds().size());
        model.addAttribute("taskable", saved.definition().subject() != ReportSubject.ACTIVITIES);
        model.addAttribute("taskDue", catalog.today());
        model.addAttribute("canExport", ReportDownloads.mayExport(policy, users.me().role()));
        return "cartera/report";
    }

    @PostMapping("/custom/{id}/delete")
    String delete(@PathVariable UUID id) {
        reports.custom().delete(id);
        return "redirect:" + base + "/reports";
    }

    @GetMapping("/custom/{id}/export")
    ResponseEntity<byte[]> exportCustom(@PathVariable UUID id, @RequestParam String format) {
        ExportFormat file = exportFormat(format);
        SavedReport saved = reports.custom().get(id);
        // The same rights as the engine's export: reports, and the records the report lists.
        dev.cartera.core.access.Role role = users.me().role();
        ReportDownloads.requireExport(policy, role);
        if (policy.scope(role, dev.cartera.core.access.Action.EXPORT, saved.definition().subject().recordType())
                == dev.cartera.core.access.Scope.NONE) {
            throw new dev.cartera.core.access.AccessDeniedException(dev.cartera.core.access.Action.EXPORT,
                    saved.definition().subject().recordType());
        }
        // Headings as on the screen ("Fase", "Suma · Importe"), not the field keys, in the file a person opens.
        return ReportDownloads.download(localised(reports.custom().runSaved(id).table(), saved.name()), file, saved.name(), settings.zone());
    }

    /** a task for each row (for a grouped report, each record in its groups), as the user sees them. */
    @PostMapping("/custom/{id}/tasks")
    String tasks(@PathVariable UUID id, @RequestParam ActivityType type, @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
            @RequestParam(required = false) Priority priority, @RequestParam(defaultValue = "false") boolean toOwners,
            RedirectAttributes redirect) {
        SavedReport saved = reports.custom().get(id);
        // Task lists show tasks by due date: one without a date would never appear there. Today, as the form suggests.
        if (due == null) {
            due = catalog.today();
        }
        String title = subject == null || subject.isBlank() ? text.label("cartera.activity.type.", type) + " · " + saved.name() : subject.strip();
        TaskTemplate template = new TaskTemplate(type, title, settings.calendar().instant(due.plusDays(1)).minusSeconds(60),
                priority == null ? Priority.NORMAL : priority, null, toOwners);
        List<UUID> created = reports.custom().createTasks(CustomReports.rowsBehind(saved.definition()), template);
        redirect.addFlashAttribute("tasksCreated", created.size());
        return "redirect:" + base + "/reports/custom/" + id;
    }

    // ------------------------------------------------------------------ panels

    @PostMapping("/panels")
    String createPanel(@RequestParam String name, @RequestParam(required = false) List<UUID> reportIds,
            @RequestParam(defaultValue = "false") boolean shared) {
        UUID id = reports.custom().createPanel(name, reportIds == null ? List.of() : reportIds, shared);
        return "redirect:" + base + "/reports/panels/" + id;
    }

    @GetMapping("/panels/{id}")
    String panel(@PathVariable UUID id, Model model) {
        CustomReports.Panel panel = reports.custom().panel(id);
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < panel.reports().size(); i++) {
            CustomReportResult r = panel.reports().get(i);
            figures.add(customFigure("panel-" + i, r.table().title(), r));
        }
        model.addAttribute("section", "reports");
        model.addAttribute("panel", panel);
        model.addAttribute("figures", figures);
        return "cartera/report-panel";
    }

    // ------------------------------------------------------------------ helpers

    private String builder(Model model, ReportBuilderForm form, SavedReport existing, CustomReportResult result, FormErrors errors) {
        ReportSubject subject = form.getSubject();
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> groupable = new ArrayList<>();
        List<String> measureOptions = new ArrayList<>(List.of("COUNT"));
        Map<String, String> measureLabels = new LinkedHashMap<>();
        measureLabels.put("COUNT", text.msg("cartera.reports.aggregate.COUNT"));
        for (Field f : subject.fields()) {
            fields.put(f.key(), text.column(f.key(), f.key()));
            if (f.type() != FieldType.TIMESTAMP && f.type() != FieldType.NUMBER) {
                groupable.add(f.key());
            }
            if (f.numeric()) {
                for (String a : AGGREGATES) {
                    measureOptions.add(a + ":" + f.key());
                    measureLabels.put(a + ":" + f.key(), text.msg("cartera.reports.aggregate." + a) + " · " + fields.get(f.key()));
                }
            }
        }
        Map<String, String> sortKeys = new LinkedHashMap<>(fields);
        measureLabels.forEach((k, v) -> {
            int colon = k.indexOf(':');
            sortKeys.put(colon < 0 ? "count" : k.substring(0, colon).toLowerCase(java.util.Locale.ROOT) + "_" + k.substring(colon + 1), v);
        });
        model.addAttribute("section", "reports");
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("subjects", ReportSubject.values());
        model.addAttribute("fields", fields);
        model.addAttribute("groupable", groupable);
        model.addAttribute("measureLabels", measureLabels);
        model.addAttribute("sortKeys", sortKeys);
        model.addAttribute("operators", ReportDefinition.Operator.values());
        model.addAttribute("formatOperators", ReportBuilderForm.FORMAT_OPERATORS);
        model.addAttribute("highlights", dev.cartera.reporting.Highlight.values());
        model.addAttribute("errors", errors);
        model.addAttribute("figure", result == null ? null : customFigure("preview", text.msg("cartera.reports.preview"), result));
        return "cartera/report-builder";
    }

    private ExportFormat exportFormat(String format) {
        ExportFormat file = ReportDownloads.format(format);
        if (file == null) {
            throw ValidationException.of("format", "report.format.unknown");
        }
        return file;
    }

    private Map<String, Object> query(Report report, ReportPeriod p, String month, LocalDate from, LocalDate to, Dimension d, Measure m) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("period", p.kind().name().toLowerCase());
        q.put("month", month);
        q.put("fiscalYear", p.fiscalYear());
        q.put("from", from);
        q.put("to", to);
        q.put("dimension", d == null ? null : d.name());
        q.put("measure", m == null ? null : m.name());
        return q;
    }

    /** Channels by their name in the user's language ("Teléfono", not "phone") where a report is grouped by channel. */
    private ReportTable channelNames(ReportTable table, Dimension dimension) {
        if (dimension != Dimension.SOURCE || table.columns().isEmpty() || !"group".equals(table.columns().get(0).key())) {
            return table;
        }
        List<ReportTable.Row> rows = new ArrayList<>();
        for (ReportTable.Row row : table.rows()) {
            List<Object> cells = new ArrayList<>(row.cells());
            if (cells.get(0) instanceof String code) {
                cells.set(0, text.label("cartera.source.", code));
            }
            rows.add(new ReportTable.Row(cells, row.highlights()));
        }
        return new ReportTable(table.title(), table.columns(), rows);
    }

    /** Column headings in the user's language, for files people open in their spreadsheet. */
    private ReportTable localised(ReportTable table, String title) {
        List<String> headers = text.headers(table);
        List<ReportTable.Column> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            ReportTable.Column c = table.columns().get(i);
            columns.add(new ReportTable.Column(c.key(), headers.get(i), c.type()));
        }
        return new ReportTable(title, columns, table.rows());
    }

    /** A report table as a figure: the first text column names the bars, the first amount (or count) column is drawn. */
    private Figure figure(String id, String title, ReportTable table, boolean chart, boolean amounts) {
        List<String> headers = text.headers(table);
        List<List<String>> rows = text.rows(table, amounts);
        int labelColumn = -1;
        int valueColumn = -1;
        for (int i = 0; i < table.columns().size(); i++) {
            if (labelColumn < 0 && table.columns().get(i).type() == ReportTable.Type.TEXT) {
                labelColumn = i;
            }
        }
        // Amounts say most; counts or rates when a report has none.
        for (ReportTable.Type wanted : List.of(ReportTable.Type.DECIMAL, ReportTable.Type.INTEGER, ReportTable.Type.PERCENT)) {
            for (int i = 0; i < table.columns().size() && valueColumn < 0; i++) {
                if (table.columns().get(i).type() == wanted && !table.columns().get(i).key().equals("probability")) {
                    valueColumn = i;
                }
            }
        }
        // Text columns that name the rows, leaving out one that is the same on every row (the pipeline of a one-pipeline firm).
        List<Integer> naming = new ArrayList<>();
        for (int c = 0; c < table.columns().size() && naming.size() < 3; c++) {
            final int column = c;
            if (table.columns().get(c).type() == ReportTable.Type.TEXT
                    && (table.rows().size() < 2 || rows.stream().map(r -> r.get(column)).distinct().count() > 1)) {
                naming.add(c);
            }
        }
        if (naming.isEmpty() && labelColumn >= 0) {
            naming.add(labelColumn);
        }
        Figure.Chart drawn = null;
        if (chart && labelColumn >= 0 && valueColumn >= 0 && !table.rows().isEmpty()) {
            List<String> labels = new ArrayList<>();
            List<BigDecimal> values = new ArrayList<>();
            for (int r = 0; r < table.rows().size(); r++) {
                List<String> parts = new ArrayList<>();
                for (int c : naming) {
                    parts.add(rows.get(r).get(c));
                }
                labels.add(String.join(" · ", parts));
                Object v = table.rows().get(r).cell(valueColumn);
                values.add(v instanceof BigDecimal b ? b : v instanceof Number n ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.ZERO);
            }
            ReportTable.Column value = table.columns().get(valueColumn);
            boolean money = text.cell(value, BigDecimal.ONE, amounts).equals(text.money(BigDecimal.ONE));
            String format = value.type() == ReportTable.Type.PERCENT ? "percent" : money ? "money" : "number";
            drawn = new Figure.Chart("bar", format, ReportText.CURRENCY, labels.size() > 6, labels,
                    List.of(new Figure.Series(headers.get(valueColumn), values)));
        }
        List<Boolean> numeric = table.columns().stream().map(c -> c.type() == ReportTable.Type.INTEGER
                || c.type() == ReportTable.Type.DECIMAL || c.type() == ReportTable.Type.PERCENT).toList();
        // Conditional formatting: the highlight of each cell, by the column's key, as the engine marked it.
        List<List<String>> marks = new ArrayList<>();
        for (ReportTable.Row row : table.rows()) {
            List<String> rowMarks = new ArrayList<>();
            for (ReportTable.Column c : table.columns()) {
                dev.cartera.reporting.Highlight h = row.highlights().get(c.key());
                rowMarks.add(h == null ? null : h.name());
            }
            marks.add(rowMarks);
        }
        return new Figure(id, title, drawn, headers, rows, numeric, marks);
    }

    private Figure customFigure(String id, String title, CustomReportResult result) {
        return figure(id, title, result.table(), result.definition().isGrouped(), true);
    }
}
