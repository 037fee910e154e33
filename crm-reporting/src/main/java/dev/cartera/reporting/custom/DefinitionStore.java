package dev.cartera.reporting.custom;

import dev.cartera.reporting.internal.ReportContext;
import dev.cartera.reporting.internal.Sql;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Saved definitions in {@code crm_report_definition} (JSON text) and panels in {@code crm_report_panel*}. */
final class DefinitionStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, version, name, owner_id, shared, definition, updated_at";

    private DefinitionStore() {
    }

    static String json(ReportDefinition d) {
        return JSON.writeValueAsString(d);
    }

    static ReportDefinition definition(String json) {
        return JSON.readValue(json, ReportDefinition.class);
    }

    static void insert(ReportContext ctx, UUID id, String name, UUID owner, boolean shared, ReportDefinition d) {
        new Sql().add("insert into crm_report_definition (id, tenant_id, version, created_at, created_by, updated_at, updated_by,"
                + " name, owner_id, shared, record_type, definition) values (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, ctx.tenant(), ctx.now(), ctx.work().username(), ctx.now(), ctx.work().username(), name, owner, shared,
                d.subject().name(), json(d)).update(ctx.connection());
    }

    static int update(ReportContext ctx, UUID id, long expectedVersion, String name, boolean shared, ReportDefinition d) {
        return new Sql().add("update crm_report_definition set version = version + 1, updated_at = ?, updated_by = ?, name = ?,"
                + " shared = ?, record_type = ?, definition = ? where tenant_id = ? and id = ? and version = ?",
                ctx.now(), ctx.work().username(), name, shared, d.subject().name(), json(d), ctx.tenant(), id, expectedVersion)
                .update(ctx.connection());
    }

    static void delete(ReportContext ctx, UUID id) {
        new Sql().add("delete from crm_report_panel_item where tenant_id = ? and definition_id = ?", ctx.tenant(), id).update(ctx.connection());
        new Sql().add("delete from crm_report_definition where tenant_id = ? and id = ?", ctx.tenant(), id).update(ctx.connection());
    }

    /** A definition the caller may see: their own or a shared one, in their tenant. */
    static Optional<SavedReport> visible(ReportContext ctx, UUID id, UUID caller) {
        Sql sql = new Sql().add("select " + COLUMNS + " from crm_report_definition where tenant_id = ? and id = ?", ctx.tenant(), id);
        visibleTo(sql, caller);
        return ctx.query(sql, DefinitionStore::row).stream().findFirst();
    }

    static List<SavedReport> list(ReportContext ctx, UUID caller) {
        Sql sql = new Sql().add("select " + COLUMNS + " from crm_report_definition where tenant_id = ?", ctx.tenant());
        visibleTo(sql, caller);
        sql.add(" order by name, id");
        return ctx.query(sql, DefinitionStore::row);
    }

    private static void visibleTo(Sql sql, UUID caller) {
        if (caller == null) {
            sql.add(" and shared = true");
        } else {
            sql.add(" and (shared = true or owner_id = ?)", caller);
        }
    }

    private static SavedReport row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SavedReport(Sql.Rows.uuid(rs, 1), rs.getLong(2), rs.getString(3), Sql.Rows.uuid(rs, 4), rs.getBoolean(5),
                definition(rs.getString(6)), Sql.Rows.instant(rs, 7));
    }

    static void insertPanel(ReportContext ctx, UUID id, String name, UUID owner, boolean shared, List<UUID> reports) {
        new Sql().add("insert into crm_report_panel (id, tenant_id, version, created_at, created_by, updated_at, updated_by,"
                + " name, owner_id, shared) values (?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
                id, ctx.tenant(), ctx.now(), ctx.work().username(), ctx.now(), ctx.work().username(), name, owner, shared)
                .update(ctx.connection());
        for (int i = 0; i < reports.size(); i++) {
            new Sql().add("insert into crm_report_panel_item (id, tenant_id, version, created_at, created_by, updated_at, updated_by,"
                    + " panel_id, definition_id, position) values (?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
                    dev.cartera.core.common.Ids.newId(), ctx.tenant(), ctx.now(), ctx.work().username(), ctx.now(),
                    ctx.work().username(), id, reports.get(i), i).update(ctx.connection());
        }
    }

    record PanelRow(UUID id, String name, UUID ownerId, boolean shared) {
    }

    static Optional<PanelRow> panel(ReportContext ctx, UUID id, UUID caller) {
        Sql sql = new Sql().add("select id, name, owner_id, shared from crm_report_panel where tenant_id = ? and id = ?", ctx.tenant(), id);
        visibleTo(sql, caller);
        return ctx.query(sql, rs -> new PanelRow(Sql.Rows.uuid(rs, 1), rs.getString(2), Sql.Rows.uuid(rs, 3), rs.getBoolean(4)))
                .stream().findFirst();
    }

    static List<PanelRow> panels(ReportContext ctx, UUID caller) {
        Sql sql = new Sql().add("select id, name, owner_id, shared from crm_report_panel where tenant_id = ?", ctx.tenant());
        visibleTo(sql, caller);
        sql.add(" order by name, id");
        return ctx.query(sql, rs -> new PanelRow(Sql.Rows.uuid(rs, 1), rs.getString(2), Sql.Rows.uuid(rs, 3), rs.getBoolean(4)));
    }

    static List<UUID> panelItems(ReportContext ctx, UUID panel) {
        return ctx.query(new Sql().add("select definition_id from crm_report_panel_item where tenant_id = ? and panel_id = ?"
                + " order by position", ctx.tenant(), panel), rs -> Sql.Rows.uuid(rs, 1));
    }
}
