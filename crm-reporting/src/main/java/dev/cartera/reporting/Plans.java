package dev.cartera.reporting;

import dev.cartera.core.access.Action;
import dev.cartera.core.access.Scope;
import dev.cartera.core.common.Ids;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.reporting.internal.MeasureQuery;
import dev.cartera.reporting.internal.MeasureQuery.OwnerFilter;
import dev.cartera.reporting.internal.Ratios;
import dev.cartera.reporting.internal.ReportContext;
import dev.cartera.reporting.internal.ReportRunner;
import dev.cartera.reporting.internal.Sql;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Plans: a target value per indicator and period for a user, a team or an office, and its
 * fulfilment measured from the records. Anyone sees the plans of the people within their scope: a
 * rep their own, a manager their team's and its members', a director every plan.
 */
public final class Plans {
    private final ReportRunner runner;

    public Plans(ReportRunner runner) {
        this.runner = runner;
    }

    public enum Level { USER, TEAM, OFFICE }

    /** A plan for exactly one of user, team or office; the period's days are both included. */
    public record TargetDraft(Measure indicator, LocalDate periodStart, LocalDate periodEnd, Level level, UUID subjectId,
            BigDecimal targetValue) {
        public TargetDraft {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(subjectId, "subjectId");
            if (periodStart == null || periodEnd == null || periodEnd.isBefore(periodStart)) {
                throw ValidationException.of("periodEnd", "target.period.invalid");
            }
            if (targetValue == null || targetValue.signum() <= 0) {
                throw ValidationException.of("targetValue", "target.value.positive");
            }
        }
    }

    /** Stores a plan; needs the permission to create targets (admins by default). */
    public UUID set(TargetDraft draft) {
        return runner.write("target-set", ctx -> {
            ctx.work().require(Action.CREATE, RecordType.TARGET);
            UUID id = Ids.newId();
            new Sql().add("insert into crm_target (id, tenant_id, version, created_at, created_by, updated_at, updated_by,"
                    + " indicator, period_start, period_end, user_id, team_id, office_id, target_value)"
                    + " values (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, ctx.tenant(), ctx.now(), ctx.work().username(), ctx.now(), ctx.work().username(),
                    draft.indicator().name(), draft.periodStart(), draft.periodEnd(),
                    draft.level() == Level.USER ? draft.subjectId() : null,
                    draft.level() == Level.TEAM ? draft.subjectId() : null,
                    draft.level() == Level.OFFICE ? draft.subjectId() : null,
                    draft.targetValue()).update(ctx.connection());
            ctx.work().audit("CREATE", RecordType.TARGET, id, draft.indicator() + " " + draft.periodStart() + ".." + draft.periodEnd());
            return id;
        });
    }

    /** A plan and what has been reached in its period so far. */
    public record Fulfilment(UUID targetId, Measure indicator, Level level, UUID subjectId, String subject,
            LocalDate periodStart, LocalDate periodEnd, BigDecimal target, BigDecimal actual, BigDecimal fulfilment) {
    }

    /** The visible plans whose period contains the day, with their fulfilment. */
    public List<Fulfilment> fulfilment(LocalDate day) {
        return runner.read("plans", ctx -> fulfilment(ctx, day, null));
    }

    static List<Fulfilment> fulfilment(ReportContext ctx, LocalDate day, Level only) {
        Sql sql = new Sql().add("select id, indicator, period_start, period_end, user_id, team_id, office_id, target_value"
                + " from crm_target where tenant_id = ? and period_start <= ? and period_end >= ?"
                + " order by period_start, indicator, id", ctx.tenant(), day, day);
        record Row(UUID id, String indicator, LocalDate start, LocalDate end, UUID user, UUID team, UUID office, BigDecimal value) {
        }
        List<Row> targets = ctx.query(sql, rs -> new Row(Sql.Rows.uuid(rs, 1), rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), Sql.Rows.uuid(rs, 5), Sql.Rows.uuid(rs, 6), Sql.Rows.uuid(rs, 7),
                Sql.Rows.decimal(rs, 8)));
        if (targets.isEmpty()) {
            // No plan covers the day: nothing to measure, and no need for the people and their names.
            return List.of();
        }
        record Member(UUID id, UUID team, UUID office, String name) {
        }
        List<Member> users = ctx.query(new Sql().add("select u.id, u.team_id, coalesce(u.office_id, tm.office_id), u.display_name"
                + " from crm_user u left join crm_team tm on tm.id = u.team_id and tm.tenant_id = u.tenant_id"
                + " where u.tenant_id = ?", ctx.tenant()),
                rs -> new Member(Sql.Rows.uuid(rs, 1), Sql.Rows.uuid(rs, 2), Sql.Rows.uuid(rs, 3), rs.getString(4)));
        Map<UUID, String> names = new HashMap<>();
        users.forEach(u -> names.put(u.id(), u.name()));
        ctx.query(new Sql().add("select id, name from crm_team where tenant_id = ? union all select id, name from crm_office where tenant_id = ?",
                ctx.tenant(), ctx.tenant()), rs -> names.put(Sql.Rows.uuid(rs, 1), rs.getString(2)));
        List<Fulfilment> out = new ArrayList<>();
        for (Row t : targets) {
            Measure measure = measureOf(t.indicator());
            if (measure == null) {
                continue;
            }
            Level level = t.user() != null ? Level.USER : t.team() != null ? Level.TEAM : Level.OFFICE;
            if (only != null && level != only) {
                continue;
            }
            UUID subject = level == Level.USER ? t.user() : level == Level.TEAM ? t.team() : t.office();
            List<UUID> members = users.stream().filter(u -> switch (level) {
                case USER -> u.id().equals(subject);
                case TEAM -> subject.equals(u.team());
                case OFFICE -> subject.equals(u.office());
            }).map(Member::id).toList();
            // A plan is visible when all of its people are: a team plan to its manager, not to its reps.
            boolean visible = level == Level.USER
                    ? ctx.visibility(measure.subject().recordType()).sees(subject)
                    : ctx.visibility(measure.subject().recordType()).all()
                            || (!members.isEmpty() && members.stream().allMatch(ctx.visibility(measure.subject().recordType())::sees)
                                    && (level == Level.TEAM || officeScope(ctx)));
            if (subject == null || !visible) {
                continue;
            }
            OwnerFilter filter = OwnerFilter.valueOf(level.name());
            BigDecimal actual = BigDecimal.ZERO;
            for (MeasureQuery.Cell c : MeasureQuery.run(ctx, measure, Dimension.NONE,
                    List.of(ctx.calendar().instant(t.start()), ctx.calendar().instant(t.end().plusDays(1))), filter, subject)) {
                actual = actual.add(c.value(measure));
            }
            out.add(new Fulfilment(t.id(), measure, level, subject, names.getOrDefault(subject, subject.toString()), t.start(),
                    t.end(), t.value(), actual, Ratios.ratio(actual, t.value())));
        }
        return out;
    }

    private static boolean officeScope(ReportContext ctx) {
        return ctx.work().require(Action.READ, RecordType.REPORT).covers(Scope.OFFICE);
    }

    private static Measure measureOf(String indicator) {
        for (Measure m : Measure.values()) {
            if (m.name().equalsIgnoreCase(indicator)) {
                return m;
            }
        }
        return null;
    }

    public static ReportTable table(List<Fulfilment> rows) {
        ReportTable.Builder t = ReportTable.builder("Plans")
                .column("level", "Level", ReportTable.Type.TEXT)
                .column("subject", "For", ReportTable.Type.TEXT)
                .column("indicator", "Indicator", ReportTable.Type.TEXT)
                .column("from", "From", ReportTable.Type.DATE)
                .column("to", "To", ReportTable.Type.DATE)
                .column("target", "Target", ReportTable.Type.DECIMAL)
                .column("actual", "Actual", ReportTable.Type.DECIMAL)
                .column("fulfilment", "Fulfilment", ReportTable.Type.PERCENT);
        rows.forEach(r -> t.row(r.level().name(), r.subject(), r.indicator().name(), r.periodStart(), r.periodEnd(), r.target(),
                r.actual(), r.fulfilment()));
        return t.build();
    }
}
