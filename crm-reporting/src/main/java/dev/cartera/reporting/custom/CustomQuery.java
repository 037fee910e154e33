package dev.cartera.reporting.custom;

import dev.cartera.reporting.FiscalCalendar;
import dev.cartera.reporting.Highlight;
import dev.cartera.reporting.ReportTable;
import dev.cartera.reporting.custom.ReportDefinition.Aggregate;
import dev.cartera.reporting.custom.ReportDefinition.Filter;
import dev.cartera.reporting.custom.ReportDefinition.FormatRule;
import dev.cartera.reporting.custom.ReportDefinition.MeasureSpec;
import dev.cartera.reporting.custom.ReportDefinition.SortSpec;
import dev.cartera.reporting.internal.ReportContext;
import dev.cartera.reporting.internal.Sql;
import dev.cartera.reporting.internal.SummaryZone;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a validated definition into one SQL statement: whitelisted field SQL, bound values, tenant
 * and the caller's scope always added, GROUP BY in the database, and reads the rows into a table.
 */
final class CustomQuery {
    private CustomQuery() {
    }

    private record Out(String key, String label, ReportTable.Type type, FieldType fieldType, Aggregate aggregate, int ordinal) {
    }

    static CustomReportResult run(ReportContext ctx, ReportDefinition d, String title) {
        DefinitionValidator.validate(d, ctx.settings().maxRows());
        ReportSubject s = d.subject();
        // On PostgreSQL (migration V15) a grouped report over deals that needs only the summary's fields reads it.
        boolean summary = DealSummary.answers(d) && SummaryZone.postgres(ctx.connection());
        int limit = d.limit() == null ? ctx.settings().maxRows() : d.limit();
        List<Out> outs = new ArrayList<>();
        List<String> select = new ArrayList<>();
        List<String> groupBy = new ArrayList<>();
        if (d.isGrouped()) {
            for (String key : d.groupings()) {
                Field f = s.field(key).orElseThrow();
                select.add(f.shown());
                outs.add(new Out(key, key, tableType(f.type()), f.type(), null, select.size()));
                groupBy.add(f.sql());
                if (f.label() != null) {
                    groupBy.add(f.label());
                }
            }
            for (MeasureSpec m : d.measures()) {
                Field f = m.field() == null ? null : s.field(m.field()).orElseThrow();
                select.add(summary ? DealSummary.measure(m) : switch (m.aggregate()) {
                    case COUNT -> "count(*)";
                    case SUM -> "coalesce(sum(" + f.sql() + "), 0)";
                    case AVG -> "avg(" + f.sql() + ")";
                    case MIN -> "min(" + f.sql() + ")";
                    case MAX -> "max(" + f.sql() + ")";
                });
                ReportTable.Type type = m.aggregate() == Aggregate.COUNT ? ReportTable.Type.INTEGER : tableType(f.type());
                outs.add(new Out(m.key(), m.key(), type, f == null ? FieldType.NUMBER : f.type(), m.aggregate(), select.size()));
            }
        } else {
            select.add("x.id");
            for (String key : d.columns()) {
                Field f = s.field(key).orElseThrow();
                select.add(f.shown());
                outs.add(new Out(key, key, tableType(f.type()), f.type(), null, select.size()));
            }
        }
        List<Field> used = new ArrayList<>();
        d.columns().forEach(k -> used.add(s.field(k).orElseThrow()));
        d.groupings().forEach(k -> used.add(s.field(k).orElseThrow()));
        // Grouped: aggregated in a derived table, sorted and cut outside it, so the database groups in the
        // order its indexes give (stage, owner…) and sorts only the groups by their names.
        List<String> items = new ArrayList<>();
        for (int i = 0; i < select.size(); i++) {
            items.add(d.isGrouped() ? select.get(i) + " as c" + (i + 1) : select.get(i));
        }
        String from = s.from(summary ? DealSummary.TABLE : s.from(), used);
        Sql sql = new Sql().add((d.isGrouped() ? "select * from (" : "") + "select " + String.join(", ", items) + " from " + from
                + " where x.tenant_id = ?", ctx.tenant());
        for (Filter filter : d.filters()) {
            sql.add(" and ");
            predicate(sql, s.field(filter.field()).orElseThrow(), filter, ctx.calendar());
        }
        ctx.visibility(s.recordType()).restrict(sql, "x.owner_id");
        if (d.isGrouped()) {
            sql.add(" group by " + String.join(", ", groupBy) + ") g");
        }
        List<String> order = new ArrayList<>();
        for (SortSpec sort : d.sort()) {
            Out out = outs.stream().filter(o -> o.key().equals(sort.key())).findFirst().orElseThrow();
            order.add(out.ordinal() + (sort.descending() ? " desc nulls last" : " asc nulls last"));
        }
        if (d.isGrouped()) {
            for (int i = 0; i < d.groupings().size(); i++) {
                order.add((i + 1) + " asc nulls last");
            }
        } else {
            order.add("1");
        }
        sql.add(" order by " + String.join(", ", order) + " limit " + (limit + 1));

        List<UUID> ids = new ArrayList<>();
        List<List<Object>> cells = ctx.query(sql, rs -> {
            List<Object> row = new ArrayList<>();
            if (!d.isGrouped()) {
                ids.add(Sql.Rows.uuid(rs, 1));
            }
            for (Out out : outs) {
                row.add(read(rs, out));
            }
            return row;
        });
        boolean truncated = cells.size() > limit;
        if (truncated) {
            cells = cells.subList(0, limit);
        }
        List<UUID> recordIds = truncated ? ids.subList(0, limit) : ids;
        List<ReportTable.Column> columns = outs.stream().map(o -> new ReportTable.Column(o.key(), o.label(), o.type())).toList();
        List<ReportTable.Row> rows = new ArrayList<>();
        for (List<Object> row : cells) {
            rows.add(new ReportTable.Row(row, highlights(d.formatting(), outs, row)));
        }
        return new CustomReportResult(d, new ReportTable(title, columns, rows), List.copyOf(recordIds), truncated);
    }

    private static Object read(ResultSet rs, Out out) throws SQLException {
        int i = out.ordinal();
        if (out.aggregate() == Aggregate.COUNT) {
            return rs.getLong(i);
        }
        if (out.aggregate() == Aggregate.AVG) {
            BigDecimal avg = rs.getBigDecimal(i);
            return avg == null ? null : avg.setScale(4, RoundingMode.HALF_UP);
        }
        return switch (out.fieldType()) {
            case NUMBER -> {
                BigDecimal v = rs.getBigDecimal(i);
                yield v == null ? null : v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
            }
            case TIMESTAMP -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
            case DATE -> rs.getObject(i, LocalDate.class);
            case BOOLEAN -> {
                boolean b = rs.getBoolean(i);
                yield rs.wasNull() ? null : b;
            }
            default -> Sql.Rows.text(rs, i);
        };
    }

    private static ReportTable.Type tableType(FieldType type) {
        return switch (type) {
            case NUMBER -> ReportTable.Type.DECIMAL;
            case TIMESTAMP -> ReportTable.Type.DATETIME;
            case DATE -> ReportTable.Type.DATE;
            default -> ReportTable.Type.TEXT;
        };
    }

    private static void predicate(Sql sql, Field f, Filter filter, FiscalCalendar cal) {
        String c = f.sql();
        List<Object> v = filter.values().stream().map(x -> DefinitionValidator.parse(f, x)).toList();
        if (f.type() == FieldType.TIMESTAMP && filter.operator() != ReportDefinition.Operator.IS_NULL
                && filter.operator() != ReportDefinition.Operator.NOT_NULL) {
            timestamp(sql, c, filter.operator(), v, cal);
            return;
        }
        switch (filter.operator()) {
            case EQ -> sql.add(c + " = ?", v.get(0));
            case NE -> sql.add("(" + c + " is null or " + c + " <> ?)", v.get(0));
            case GT -> sql.add(c + " > ?", v.get(0));
            case GE -> sql.add(c + " >= ?", v.get(0));
            case LT -> sql.add(c + " < ?", v.get(0));
            case LE -> sql.add(c + " <= ?", v.get(0));
            case BETWEEN -> sql.add(c + " >= ? and " + c + " <= ?", v.get(0), v.get(1));
            case CONTAINS -> sql.add("lower(" + c + ") like ? escape '\\'", "%" + like(v.get(0)) + "%");
            case STARTS_WITH -> sql.add("lower(" + c + ") like ? escape '\\'", like(v.get(0)) + "%");
            case IN -> sql.in(c, v);
            case IS_NULL -> sql.add(c + " is null");
            case NOT_NULL -> sql.add(c + " is not null");
        }
    }

    /** Days of a timestamp field, in the report time zone: {@code < d} is before midnight starting d. */
    private static void timestamp(Sql sql, String c, ReportDefinition.Operator op, List<Object> v, FiscalCalendar cal) {
        LocalDate d = (LocalDate) v.get(0);
        switch (op) {
            case EQ -> sql.add("(" + c + " >= ? and " + c + " < ?)", cal.instant(d), cal.instant(d.plusDays(1)));
            case NE -> sql.add("(" + c + " is null or " + c + " < ? or " + c + " >= ?)", cal.instant(d), cal.instant(d.plusDays(1)));
            case GT -> sql.add(c + " >= ?", cal.instant(d.plusDays(1)));
            case GE -> sql.add(c + " >= ?", cal.instant(d));
            case LT -> sql.add(c + " < ?", cal.instant(d));
            case LE -> sql.add(c + " < ?", cal.instant(d.plusDays(1)));
            case BETWEEN -> sql.add("(" + c + " >= ? and " + c + " < ?)", cal.instant(d),
                    cal.instant(((LocalDate) v.get(1)).plusDays(1)));
            default -> throw new IllegalArgumentException(op + " on a timestamp");
        }
    }

    private static String like(Object value) {
        return value.toString().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Map<String, Highlight> highlights(List<FormatRule> rules, List<Out> outs, List<Object> row) {
        Map<String, Highlight> marks = new HashMap<>();
        for (FormatRule rule : rules) {
            for (int i = 0; i < outs.size(); i++) {
                if (outs.get(i).key().equals(rule.key()) && matches(row.get(i), rule)) {
                    marks.putIfAbsent(rule.key(), rule.highlight());
                }
            }
        }
        return marks;
    }

    /** Numbers compare by value, anything else by its text. */
    static boolean matches(Object cell, FormatRule rule) {
        if (cell == null) {
            return false;
        }
        int cmp;
        if (cell instanceof Number n) {
            BigDecimal target;
            try {
                target = new BigDecimal(rule.value().strip());
            } catch (NumberFormatException e) {
                return false;
            }
            cmp = new BigDecimal(n.toString()).compareTo(target);
        } else {
            String text = cell.toString();
            if (rule.operator() == ReportDefinition.Operator.CONTAINS) {
                return text.toLowerCase(Locale.ROOT).contains(rule.value().toLowerCase(Locale.ROOT));
            }
            cmp = text.compareTo(rule.value());
        }
        return switch (rule.operator()) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            default -> false;
        };
    }
}
