package dev.cartera.reporting.custom;

import dev.cartera.core.access.Action;
import dev.cartera.core.access.Role;
import dev.cartera.core.activity.Activity;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityService;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.Ids;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.reporting.internal.ReportContext;
import dev.cartera.reporting.internal.ReportRunner;
import dev.cartera.reporting.internal.Sql;
import dev.cartera.reporting.internal.Visibility;
import dev.cartera.reporting.export.ExportFormat;
import dev.cartera.reporting.export.ReportExporter;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Custom reports: run a definition, save it (private or shared), run saved ones, show several
 * on a panel, export them, and create a task for each row's record. Whoever runs a report —
 * their own or a shared one — gets only the rows of their own tenant and scope.
 */
public final class CustomReports {
    private final ReportRunner runner;

    public CustomReports(ReportRunner runner) {
        this.runner = runner;
    }

    public CustomReportResult run(ReportDefinition definition) {
        return runner.read("custom", ctx -> CustomQuery.run(ctx, definition, "Report"));
    }

    public SavedReport save(String name, ReportDefinition definition, boolean shared) {
        String title = name(name);
        DefinitionValidator.validate(definition, runner.settings().maxRows());
        return runner.write("custom-save", ctx -> {
            ctx.work().require(Action.CREATE, RecordType.REPORT);
            UUID id = Ids.newId();
            DefinitionStore.insert(ctx, id, title, ctx.work().actor().userId(), shared, definition);
            ctx.work().audit("CREATE", RecordType.REPORT, id, title);
            return DefinitionStore.visible(ctx, id, ctx.work().actor().userId()).orElseThrow();
        });
    }

    /** Changes a saved definition; only its owner (or an admin) may, and only from the version they read. */
    public SavedReport update(UUID id, long expectedVersion, String name, ReportDefinition definition, boolean shared) {
        String title = name(name);
        DefinitionValidator.validate(definition, runner.settings().maxRows());
        return runner.write("custom-update", ctx -> {
            ctx.work().require(Action.UPDATE, RecordType.REPORT);
            SavedReport current = ownedByCaller(ctx, id);
            if (DefinitionStore.update(ctx, current.id(), expectedVersion, title, shared, definition) == 0) {
                throw new ConflictException("record.version.conflict", "SavedReport", id, expectedVersion, current.version());
            }
            ctx.work().audit("UPDATE", RecordType.REPORT, id, title);
            return DefinitionStore.visible(ctx, id, ctx.work().actor().userId()).orElseThrow();
        });
    }

    public void delete(UUID id) {
        runner.write("custom-delete", ctx -> {
            ctx.work().require(Action.READ, RecordType.REPORT);
            ownedByCaller(ctx, id);
            DefinitionStore.delete(ctx, id);
            ctx.work().audit("DELETE", RecordType.REPORT, id, null);
            return null;
        });
    }

    /** The caller's own definitions and the shared ones of their tenant. */
    public List<SavedReport> list() {
        return runner.read("custom-list", ctx -> {
            ctx.work().require(Action.READ, RecordType.REPORT);
            return DefinitionStore.list(ctx, ctx.work().actor().userId());
        });
    }

    public SavedReport get(UUID id) {
        return runner.read("custom-get", ctx -> load(ctx, id));
    }

    /** Runs a saved definition in the caller's scope, whoever saved it. */
    public CustomReportResult runSaved(UUID id) {
        return runner.read("custom", ctx -> {
            SavedReport saved = load(ctx, id);
            return CustomQuery.run(ctx, saved.definition(), saved.name());
        });
    }

    /** Exports a saved report as the caller sees it; needs the export permission on reports. */
    public void export(UUID id, ExportFormat format, OutputStream out) {
        CustomReportResult result = runner.read("custom-export", ctx -> {
            Visibility.of(ctx.work(), Action.EXPORT, RecordType.REPORT);
            SavedReport saved = load(ctx, id);
            Visibility.of(ctx.work(), Action.EXPORT, saved.definition().subject().recordType());
            return CustomQuery.run(ctx, saved.definition(), saved.name());
        });
        new ReportExporter(runner.settings().zone()).write(result.table(), format, out);
    }

    /** Several saved reports shown together. */
    public record Panel(UUID id, String name, boolean shared, List<CustomReportResult> reports) {
    }

    public UUID createPanel(String name, List<UUID> reports, boolean shared) {
        String title = name(name);
        if (reports == null || reports.isEmpty() || reports.size() > 12) {
            throw ValidationException.of("reports", "report.panel.size");
        }
        return runner.write("panel-create", ctx -> {
            ctx.work().require(Action.CREATE, RecordType.REPORT);
            for (UUID report : reports) {
                load(ctx, report);
            }
            UUID id = Ids.newId();
            DefinitionStore.insertPanel(ctx, id, title, ctx.work().actor().userId(), shared, List.copyOf(reports));
            ctx.work().audit("CREATE", RecordType.REPORT, id, "panel " + title);
            return id;
        });
    }

    /** The caller's own panels and the shared ones of their tenant, without running their reports. */
    public List<Panel> panels() {
        return runner.read("panel-list", ctx -> {
            ctx.work().require(Action.READ, RecordType.REPORT);
            return DefinitionStore.panels(ctx, ctx.work().actor().userId()).stream()
                    .map(p -> new Panel(p.id(), p.name(), p.shared(), List.of())).toList();
        });
    }

    /** A panel's reports, each run in the caller's scope; reports since made private by others are left out. */
    public Panel panel(UUID id) {
        return runner.read("panel", ctx -> {
            ctx.work().require(Action.READ, RecordType.REPORT);
            UUID caller = ctx.work().actor().userId();
            DefinitionStore.PanelRow panel = DefinitionStore.panel(ctx, id, caller)
                    .orElseThrow(() -> new NotFoundException(RecordType.REPORT, id));
            List<CustomReportResult> results = new ArrayList<>();
            for (UUID report : DefinitionStore.panelItems(ctx, id)) {
                DefinitionStore.visible(ctx, report, caller)
                        .ifPresent(saved -> results.add(CustomQuery.run(ctx, saved.definition(), saved.name())));
            }
            return new Panel(panel.id(), panel.name(), panel.shared(), results);
        });
    }

    /**
     * Creates one task per row of an ungrouped report, linked to the row's record (lead, deal or
     * account). The rows are read again here, in the caller's scope, in the same transaction.
     */
    public List<UUID> createTasks(ReportDefinition definition, TaskTemplate template) {
        Objects.requireNonNull(template, "template");
        if (definition.isGrouped()) {
            throw ValidationException.of("groupings", "report.tasks.need-rows");
        }
        RecordType related = switch (definition.subject()) {
            case LEADS -> RecordType.LEAD;
            case OPPORTUNITIES -> RecordType.OPPORTUNITY;
            case ACCOUNTS -> RecordType.ACCOUNT;
            case ACTIVITIES -> throw ValidationException.of("subject", "report.tasks.subject");
        };
        return runner.write("custom-tasks", ctx -> {
            CustomReportResult result = CustomQuery.run(ctx, definition, "Tasks");
            List<UUID> owners = template.assignToRecordOwner() ? owners(ctx, definition.subject(), result.recordIds()) : null;
            List<UUID> created = new ArrayList<>();
            for (int i = 0; i < result.recordIds().size(); i++) {
                UUID assignee = owners != null ? owners.get(i) : template.assignee();
                ActivityDraft draft = new ActivityDraft(template.type(), template.subject(), null, related, result.recordIds().get(i),
                        assignee, template.dueAt(), null, null, template.priority(), null, null, false);
                Activity activity = ActivityService.newActivity(ctx.work(), draft, false);
                created.add(activity.getId());
            }
            return created;
        });
    }

    /**
     * The records a report's rows stand for: the definition itself when it lists records, or, for a
     * grouped report, its records listed by the grouping fields under the same filters. "A task for
     * each row" of a report grouped by stage and rep is a task for each deal in those groups.
     */
    public static ReportDefinition rowsBehind(ReportDefinition definition) {
        if (!definition.isGrouped()) {
            return definition;
        }
        return ReportDefinition.list(definition.subject(), definition.groupings(), definition.filters())
                .sortedBy(definition.groupings().stream().map(ReportDefinition.SortSpec::asc).toList());
    }

    public List<UUID> createTasks(UUID savedReport, TaskTemplate template) {
        SavedReport saved = get(savedReport);
        return createTasks(saved.definition(), template);
    }

    private static List<UUID> owners(ReportContext ctx, ReportSubject subject, List<UUID> ids) {
        java.util.Map<UUID, UUID> byId = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            Sql sql = new Sql().add("select x.id, x.owner_id from " + subject.from() + " where x.tenant_id = ? and ", ctx.tenant());
            sql.in("x.id", ids.subList(from, Math.min(ids.size(), from + 500)));
            ctx.query(sql, rs -> byId.put(Sql.Rows.uuid(rs, 1), Sql.Rows.uuid(rs, 2)));
        }
        return ids.stream().map(byId::get).toList();
    }

    private static SavedReport load(ReportContext ctx, UUID id) {
        ctx.work().require(Action.READ, RecordType.REPORT);
        return DefinitionStore.visible(ctx, id, ctx.work().actor().userId())
                .orElseThrow(() -> new NotFoundException(RecordType.REPORT, id));
    }

    private static SavedReport ownedByCaller(ReportContext ctx, UUID id) {
        SavedReport saved = load(ctx, id);
        UnitOfWork work = ctx.work();
        boolean admin = work.actor().system() || work.actor().role() == Role.ADMIN;
        if (!admin && !Objects.equals(saved.ownerId(), work.actor().userId())) {
            throw new dev.cartera.core.access.AccessDeniedException(Action.UPDATE, RecordType.REPORT);
        }
        return saved;
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw ValidationException.of("name", "validation.Size");
        }
        return name.strip();
    }
}
