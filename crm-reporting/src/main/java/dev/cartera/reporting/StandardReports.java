package dev.cartera.reporting;

import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.common.RecordType;
import dev.cartera.reporting.internal.Labels;
import dev.cartera.reporting.internal.MonthSplit;
import dev.cartera.reporting.internal.MonthSummary;
import dev.cartera.reporting.internal.Ratios;
import dev.cartera.reporting.internal.ReportContext;
import dev.cartera.reporting.internal.ReportRunner;
import dev.cartera.reporting.internal.Segmentation;
import dev.cartera.reporting.internal.Sql;
import dev.cartera.reporting.internal.Subject;
import dev.cartera.reporting.internal.Visibility;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The standard reports of KD-5, X-5, X-12, X-14 and X-19. Each one aggregates in the database, within
 * the caller's tenant and at the level their role allows (rep: own, manager: team, director: all).
 */
public final class StandardReports {
    private final ReportRunner runner;

    public StandardReports(ReportRunner runner) {
        this.runner = runner;
    }

    // ---------------------------------------------------------------- pipeline

    /** Open deals of one stage: how many, their amount and the amount weighted by the stage's probability. */
    public record PipelineRow(UUID stageId, String stage, String pipeline, int position, int probability, long deals,
            BigDecimal amount, BigDecimal weighted) {
    }

    public List<PipelineRow> pipeline() {
        return runner.read("pipeline", ctx -> pipeline(ctx, null));
    }

    static List<PipelineRow> pipeline(ReportContext ctx, UUID owner) {
        return pipelineAndTotal(ctx, owner).rows();
    }

    /** The pipeline rows, and every open deal in sight counted and summed (a deal whose stage is gone too). */
    record PipelineAndTotal(List<PipelineRow> rows, long openDeals, BigDecimal openAmount) {
    }

    static PipelineAndTotal pipelineAndTotal(ReportContext ctx, UUID owner) {
        // Summed per stage first, then named: the stage and pipeline joins run once per stage, not per deal.
        Sql sql = new Sql().add("select s.id, s.name, p.name, s.position, s.probability, x.deals, x.amount, p.id from ("
                + "select o.stage_id, count(*) as deals, coalesce(sum(o.amount), 0) as amount from crm_opportunity o"
                + " where o.tenant_id = ? and o.status = 'OPEN'", ctx.tenant());
        if (owner != null) {
            sql.add(" and o.owner_id = ?", owner);
        }
        ctx.visibility(RecordType.OPPORTUNITY).restrict(sql, "o.owner_id");
        sql.add(" group by o.stage_id) x left join crm_stage s on s.id = x.stage_id and s.tenant_id = ?"
                + " left join crm_pipeline p on p.id = s.pipeline_id and p.tenant_id = s.tenant_id order by p.name, s.position", ctx.tenant());
        long[] deals = {0};
        BigDecimal[] total = {BigDecimal.ZERO};
        List<PipelineRow> rows = new ArrayList<>();
        ctx.query(sql, rs -> {
            BigDecimal amount = Sql.Rows.decimal(rs, 7);
            deals[0] += rs.getLong(6);
            total[0] = total[0].add(amount);
            if (rs.getObject(1) != null && rs.getObject(8) != null) {
                int probability = rs.getInt(5);
                rows.add(new PipelineRow(Sql.Rows.uuid(rs, 1), rs.getString(2), rs.getString(3), rs.getInt(4), probability,
                        rs.getLong(6), amount, amount.multiply(BigDecimal.valueOf(probability)).movePointLeft(2)));
            }
            return null;
        });
        return new PipelineAndTotal(List.copyOf(rows), deals[0], total[0]);
    }

    public static ReportTable pipelineTable(List<PipelineRow> rows) {
        ReportTable.Builder t = ReportTable.builder("Pipeline")
                .column("pipeline", "Pipeline", ReportTable.Type.TEXT)
                .column("stage", "Stage", ReportTable.Type.TEXT)
                .column("probability", "Probability %", ReportTable.Type.INTEGER)
                .column("deals", "Deals", ReportTable.Type.INTEGER)
                .column("amount", "Amount", ReportTable.Type.DECIMAL)
                .column("weighted", "Weighted amount", ReportTable.Type.DECIMAL);
        rows.forEach(r -> t.row(r.pipeline(), r.stage(), r.probability(), r.deals(), r.amount(), r.weighted()));
        return t.build();
    }

    // ---------------------------------------------------------------- funnel

    /** Deals created in the range that reached a stage (or a later one), and the share that went on to the next. */
    public record FunnelStep(UUID stageId, String stage, int position, long reached, BigDecimal conversionToNext) {
    }

    /**
     * The funnel of a pipeline (the default one when null), from the recorded stage visits: per deal created
     * in the range, the furthest stage it reached (LOST stages aside). On PostgreSQL the whole months come
     * from the funnel summary (deals per creation month, owner and set of stages visited; the furthest
     * position is worked out from the stages as they are now), the partial months at the ends per deal.
     */
    public List<FunnelStep> funnel(DateRange range, UUID pipelineId) {
        return runner.read("funnel", ctx -> {
            UUID pipeline = pipelineId != null ? pipelineId : defaultPipeline(ctx);
            if (pipeline == null) {
                return List.of();
            }
            Instant from = range.start(ctx.calendar());
            Instant to = range.end(ctx.calendar());
            // r: (furthest position reached, deals) rows; a step counts the deals that reached it or a later one.
            Sql sql = new Sql().add("select st.id, st.name, st.position, coalesce(sum(r.n), 0) from crm_stage st left join (");
            if (ctx.stageSummariesUsable()) {
                MonthSplit split = MonthSplit.of(ctx.calendar(), from, to);
                String sep = "";
                for (Instant[] tail : split.tails()) {
                    sql.add(sep);
                    funnelDeals(ctx, sql, pipeline, tail[0], tail[1]);
                    sep = " union all ";
                }
                if (split.hasMonths()) {
                    // Summed per visited set first (a handful per pipeline), then the furthest open or won position of each.
                    sql.add(sep + "select (select max(s.position) from crm_stage s where s.tenant_id = f.tenant_id"
                            + " and s.id = any(f.stages) and s.kind <> 'LOST') as reached, f.n from (select f.tenant_id, f.stages,"
                            + " sum(f.n) as n from crm_funnel_month f where f.tenant_id = ? and f.pipeline_id = ? and f.month >= ?"
                            + " and f.month < ?", ctx.tenant(), pipeline, split.monthsFrom(), split.monthsTo());
                    ctx.visibility(RecordType.OPPORTUNITY).restrict(sql, "f.owner_id");
                    sql.add(" group by f.tenant_id, f.stages) f");
                }
            } else {
                funnelDeals(ctx, sql, pipeline, from, to);
            }
            sql.add(") r on r.reached >= st.position where st.tenant_id = ? and st.pipeline_id = ? and st.kind <> 'LOST'"
                    + " group by st.id, st.name, st.position order by st.position", ctx.tenant(), pipeline);
            List<Object[]> raw = ctx.query(sql, rs -> new Object[] {Sql.Rows.uuid(rs, 1), rs.getString(2), rs.getInt(3), rs.getLong(4)});
            List<FunnelStep> steps = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                Object[] r = raw.get(i);
                BigDecimal next = i + 1 < raw.size() ? Ratios.ratio((long) raw.get(i + 1)[3], (long) r[3]) : null;
                steps.add(new FunnelStep((UUID) r[0], (String) r[1], (int) r[2], (long) r[3], next));
            }
            return steps;
        });
    }

    /** One row per deal of the pipeline created in {@code [from, to)}: the furthest open or won position it reached, and 1. */
    private static void funnelDeals(ReportContext ctx, Sql sql, UUID pipeline, Instant from, Instant to) {
        sql.add("select max(s.position) as reached, 1 as n from crm_stage_visit v"
                + " join crm_stage s on s.id = v.stage_id and s.tenant_id = v.tenant_id and s.kind <> 'LOST'"
                + " join crm_opportunity o on o.id = v.opportunity_id and o.tenant_id = v.tenant_id"
                + " where v.tenant_id = ? and o.pipeline_id = ? and o.created_at >= ? and o.created_at < ?",
                ctx.tenant(), pipeline, from, to);
        ctx.visibility(RecordType.OPPORTUNITY).restrict(sql, "o.owner_id");
        sql.add(" group by v.opportunity_id");
    }

    private static UUID defaultPipeline(ReportContext ctx) {
        List<UUID> ids = ctx.query(new Sql().add("select id from crm_pipeline where tenant_id = ? and is_default = true order by name",
                ctx.tenant()), rs -> Sql.Rows.uuid(rs, 1));
        return ids.isEmpty() ? null : ids.get(0);
    }

    public static ReportTable funnelTable(List<FunnelStep> steps) {
        ReportTable.Builder t = ReportTable.builder("Funnel")
                .column("stage", "Stage", ReportTable.Type.TEXT)
                .column("reached", "Reached", ReportTable.Type.INTEGER)
                .column("conversion", "Conversion to next", ReportTable.Type.PERCENT);
        steps.forEach(r -> t.row(r.stage(), r.reached(), r.conversionToNext()));
        return t.build();
    }

    // ---------------------------------------------------------------- win rate and sales cycle

    /** Deals closed in the range: won, lost, win rate, won amount and the average days from creation to winning. */
    public record WinRateRow(String key, String label, long won, long lost, BigDecimal winRate, BigDecimal wonAmount,
            BigDecimal averageCycleDays) {
    }

    public List<WinRateRow> winRate(DateRange range, Dimension dimension) {
        return runner.read("win-rate", ctx -> {
            Subject s = Subject.OPPORTUNITY;
            requireDimension(Measure.DEALS_WON, dimension);
            // Whole months from the deal summary where usable, the partial months at the ends from the deals.
            Sql sql = new Sql().add("select x.dim, sum(x.won), sum(x.lost), coalesce(sum(x.won_amount), 0), coalesce(sum(x.secs), 0) from (");
            List<MonthSummary.Part> parts = MonthSummary.DEALS.parts(ctx, range.start(ctx.calendar()), range.end(ctx.calendar()));
            for (int i = 0; i < parts.size(); i++) {
                MonthSummary.Part p = parts.get(i);
                sql.add((i > 0 ? " union all " : "") + "select " + s.dimension(dimension) + " as dim,"
                        + " case when o.status = 'WON' then " + p.count() + " else 0 end as won,"
                        + " case when o.status = 'LOST' then " + p.count() + " else 0 end as lost,"
                        + " case when o.status = 'WON' then o.amount else 0 end as won_amount,"
                        + " case when o.status = 'WON' then " + p.cycleSeconds() + " else 0 end as secs"
                        + " from " + p.from() + s.ownerJoins(dimension) + " where o.tenant_id = ? and o.status in ('WON', 'LOST')",
                        ctx.tenant());
                p.range(sql, ctx);
                ctx.visibility(RecordType.OPPORTUNITY).restrict(sql, "o.owner_id");
            }
            sql.add(") x group by x.dim");
            Map<String, String> labels = Labels.of(ctx, dimension);
            List<WinRateRow> rows = ctx.query(sql, rs -> {
                long won = rs.getLong(2);
                long lost = rs.getLong(3);
                String key = Sql.Rows.text(rs, 1);
                return new WinRateRow(key, Labels.label(labels, dimension, key), won, lost, Ratios.ratio(won, won + lost),
                        Sql.Rows.decimal(rs, 4), Ratios.days(Sql.Rows.decimal(rs, 5), won));
            });
            return sortByLabel(rows, WinRateRow::label);
        });
    }

    public static ReportTable winRateTable(List<WinRateRow> rows) {
        ReportTable.Builder t = ReportTable.builder("Win rate and sales cycle")
                .column("group", "Group", ReportTable.Type.TEXT)
                .column("won", "Won", ReportTable.Type.INTEGER)
                .column("lost", "Lost", ReportTable.Type.INTEGER)
                .column("winRate", "Win rate", ReportTable.Type.PERCENT)
                .column("wonAmount", "Won amount", ReportTable.Type.DECIMAL)
                .column("cycleDays", "Average sales cycle (days)", ReportTable.Type.DECIMAL);
        rows.forEach(r -> t.row(r.label(), r.won(), r.lost(), r.winRate(), r.wonAmount(), r.averageCycleDays()));
        return t.build();
    }

    // ---------------------------------------------------------------- stage durations

    /**
     * Time spent in an open stage by the stage visits that began in the range: visits, average days,
     * how many exceeded the stage's time limit, and how many deals sit there now beyond it (stuck).
     */
    public record StageDurationRow(UUID stageId, String stage, int position, Integer limitDays, long visits,
            BigDecimal averageDays, long overLimit, long stuck) {
    }

    public List<StageDurationRow> stageDurations(DateRange range) {
        return runner.read("stage-durations", ctx -> {
            Instant now = Instant.ofEpochSecond(ctx.now().getEpochSecond());
            if (ctx.stageSummariesUsable()) {
                return ctx.query(stageDurationsFromSummary(ctx, range, now), StandardReports::stageDurationRow);
            }
            // Stays from the stage-visit summary (crm_stage_visit, kept on every move): no window over the history.
            // Summed per stage first (the open stages only), then named: the grouping key is the stage id, not its
            // name and position per stay. The limit tests compare instants (the limit in seconds, so no
            // daylight-saving day counts 23 or 25 hours), the stay's length in seconds is computed once, for the sum.
            Sql sql = new Sql().add("select s.id, s.name, s.position, s.time_limit_days, coalesce(x.visits, 0), coalesce(x.secs, 0),"
                    + " coalesce(x.over_limit, 0), coalesce(x.stuck, 0) from crm_stage s left join (select v.stage_id, count(*) as visits,"
                    + " sum(extract(epoch from (coalesce(v.left_at, ?) - v.entered_at))) as secs,"
                    + " sum(case when st.time_limit_days is not null and coalesce(v.left_at, ?)"
                    + " > v.entered_at + st.time_limit_days * 86400 * interval '1' second then 1 else 0 end) as over_limit,"
                    + " sum(case when v.left_at is null and st.time_limit_days is not null"
                    + " and ? > v.entered_at + st.time_limit_days * 86400 * interval '1' second then 1 else 0 end) as stuck"
                    + " from crm_stage_visit v join crm_stage st on st.id = v.stage_id and st.tenant_id = v.tenant_id and st.kind = 'OPEN'",
                    now, now, now);
            Visibility deals = ctx.visibility(RecordType.OPPORTUNITY);
            joinStayDeals(sql, deals);
            sql.add(" where v.tenant_id = ? and v.entered_at >= ? and v.entered_at < ?", ctx.tenant(), range.start(ctx.calendar()),
                    range.end(ctx.calendar()));
            deals.restrict(sql, "o.owner_id");
            sql.add(" group by v.stage_id) x on x.stage_id = s.id where s.tenant_id = ? and s.kind = 'OPEN'"
                    + " order by s.position, s.name", ctx.tenant());
            return ctx.query(sql, StandardReports::stageDurationRow);
        });
    }

    /** The stays' deals, joined only when the scope filters on their owner (a director's reports need no join). */
    private static void joinStayDeals(Sql sql, Visibility deals) {
        if (!deals.all()) {
            sql.add(" join crm_opportunity o on o.id = v.opportunity_id and o.tenant_id = v.tenant_id");
        }
    }

    private static StageDurationRow stageDurationRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        long visits = rs.getLong(5);
        Object limit = rs.getObject(4);
        return new StageDurationRow(Sql.Rows.uuid(rs, 1), rs.getString(2), rs.getInt(3), limit == null ? null : ((Number) limit).intValue(),
                visits, Ratios.days(Sql.Rows.decimal(rs, 6), visits), rs.getLong(7), rs.getLong(8));
    }

    /**
     * Stage durations on PostgreSQL with the V14 summary: the closed stays of the whole months from
     * {@code crm_stage_duration_month} (visits, seconds, over the current limit), the closed stays of the
     * partial months at the ends from {@code crm_stage_visit}, and every open stay of the range from
     * {@code crm_stage_visit} (its length and whether it is over the limit depend on {@code now}), read per
     * open stage through the partial index of open stays.
     */
    private static Sql stageDurationsFromSummary(ReportContext ctx, DateRange range, Instant now) {
        Instant from = range.start(ctx.calendar());
        Instant to = range.end(ctx.calendar());
        MonthSplit split = MonthSplit.of(ctx.calendar(), from, to);
        Visibility deals = ctx.visibility(RecordType.OPPORTUNITY);
        String over = " st.time_limit_days is not null and %s > v.entered_at + st.time_limit_days * 86400 * interval '1' second";
        Sql sql = new Sql().add("select s.id, s.name, s.position, s.time_limit_days, coalesce(x.visits, 0), coalesce(x.secs, 0),"
                + " coalesce(x.over_limit, 0), coalesce(x.stuck, 0) from crm_stage s left join (select y.stage_id, sum(y.visits) as visits,"
                + " sum(y.secs) as secs, sum(y.over_limit) as over_limit, sum(y.stuck) as stuck from (");
        // Open stays of the whole range.
        sql.add("select v.stage_id, count(*) as visits, sum(extract(epoch from (cast(? as timestamp with time zone) - v.entered_at))) as secs,"
                + " sum(case when" + over.formatted("cast(? as timestamp with time zone)") + " then 1 else 0 end) as over_limit,"
                + " sum(case when" + over.formatted("cast(? as timestamp with time zone)") + " then 1 else 0 end) as stuck"
                + " from crm_stage st join crm_stage_visit v on v.stage_id = st.id and v.tenant_id = st.tenant_id and v.left_at is null",
                now, now, now);
        joinStayDeals(sql, deals);
        sql.add(" where st.tenant_id = ? and st.kind = 'OPEN' and v.entered_at >= ? and v.entered_at < ?", ctx.tenant(), from, to);
        deals.restrict(sql, "o.owner_id");
        sql.add(" group by v.stage_id");
        // Closed stays of the partial months.
        for (Instant[] tail : split.tails()) {
            sql.add(" union all select v.stage_id, count(*), sum(extract(epoch from (v.left_at - v.entered_at))),"
                    + " sum(case when" + over.formatted("v.left_at") + " then 1 else 0 end), 0"
                    + " from crm_stage_visit v join crm_stage st on st.id = v.stage_id and st.tenant_id = v.tenant_id and st.kind = 'OPEN'");
            joinStayDeals(sql, deals);
            sql.add(" where v.tenant_id = ? and v.entered_at >= ? and v.entered_at < ? and v.left_at is not null", ctx.tenant(), tail[0],
                    tail[1]);
            deals.restrict(sql, "o.owner_id");
            sql.add(" group by v.stage_id");
        }
        // Closed stays of the whole months.
        if (split.hasMonths()) {
            sql.add(" union all select m.stage_id, sum(m.visits), sum(m.secs), sum(m.over_limit), 0 from crm_stage_duration_month m"
                    + " where m.tenant_id = ? and m.month >= ? and m.month < ?", ctx.tenant(), split.monthsFrom(), split.monthsTo());
            deals.restrict(sql, "m.owner_id");
            sql.add(" group by m.stage_id");
        }
        return sql.add(") y group by y.stage_id) x on x.stage_id = s.id where s.tenant_id = ? and s.kind = 'OPEN'"
                + " order by s.position, s.name", ctx.tenant());
    }

    public static ReportTable stageDurationTable(List<StageDurationRow> rows) {
        ReportTable.Builder t = ReportTable.builder("Stage durations")
                .column("stage", "Stage", ReportTable.Type.TEXT)
                .column("limitDays", "Planned limit (days)", ReportTable.Type.INTEGER)
                .column("visits", "Visits", ReportTable.Type.INTEGER)
                .column("averageDays", "Average days", ReportTable.Type.DECIMAL)
                .column("overLimit", "Over the limit", ReportTable.Type.INTEGER)
                .column("stuck", "Stuck now", ReportTable.Type.INTEGER);
        rows.forEach(r -> t.row(r.stage(), r.limitDays(), r.visits(), r.averageDays(), r.overLimit(), r.stuck()));
        return t.build();
    }

    /** An open deal that has been in its stage longer than the stage's time limit. */
    public record StuckDeal(UUID opportunityId, String name, UUID ownerId, String stage, Instant enteredAt, int limitDays,
            long daysInStage, BigDecimal amount) {
    }

    public List<StuckDeal> stuckDeals() {
        return runner.read("stuck-deals", ctx -> {
            Sql sql = new Sql().add("select o.id, o.name, o.owner_id, s.name, o.stage_entered_at, s.time_limit_days, o.amount"
                    + " from crm_opportunity o join crm_stage s on s.id = o.stage_id and s.tenant_id = o.tenant_id"
                    + " where o.tenant_id = ? and o.status = 'OPEN' and s.time_limit_days is not null"
                    + " and extract(epoch from o.stage_entered_at) + s.time_limit_days * 86400 < ?",
                    ctx.tenant(), BigDecimal.valueOf(ctx.now().getEpochSecond()));
            ctx.visibility(RecordType.OPPORTUNITY).restrict(sql, "o.owner_id");
            sql.add(" order by o.stage_entered_at, o.name");
            Instant now = ctx.now();
            return ctx.query(sql, rs -> {
                Instant entered = Sql.Rows.instant(rs, 5);
                return new StuckDeal(Sql.Rows.uuid(rs, 1), rs.getString(2), Sql.Rows.uuid(rs, 3), rs.getString(4), entered,
                        rs.getInt(6), Duration.between(entered, now).toDays(), Sql.Rows.decimal(rs, 7));
            });
        });
    }

    public static ReportTable stuckDealTable(List<StuckDeal> rows) {
        ReportTable.Builder t = ReportTable.builder("Stuck deals")
                .column("deal", "Deal", ReportTable.Type.TEXT)
                .column("stage", "Stage", ReportTable.Type.TEXT)
                .column("enteredAt", "In stage since", ReportTable.Type.DATETIME)
                .column("limitDays", "Limit (days)", ReportTable.Type.INTEGER)
                .column("daysInStage", "Days in stage", ReportTable.Type.INTEGER)
                .column("amount", "Amount", ReportTable.Type.DECIMAL);
        rows.forEach(r -> t.row(r.name(), r.stage(), r.enteredAt(), r.limitDays(), r.daysInStage(), r.amount()));
        return t.build();
    }

    // ---------------------------------------------------------------- interaction effectiveness

    /** Per rep: deals won in the range, activities of each type done in it, and those per won deal. */
    public record InteractionRow(String key, String label, long wonDeals, Map<ActivityType, Long> activities,
            Map<ActivityType, BigDecimal> perWonDeal) {
        public long totalActivities() {
            return activities.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public List<InteractionRow> interactionEffectiveness(DateRange range) {
        return runner.read("interaction-effectiveness", ctx -> {
            Instant from = range.start(ctx.calendar());
            Instant to = range.end(ctx.calendar());
            Map<String, Map<ActivityType, Long>> activities = new LinkedHashMap<>();
            Sql acts = new Sql().add("select x.owner_id, x.type, sum(x.n) from (");
            List<MonthSummary.Part> parts = MonthSummary.ACTIVITIES.parts(ctx, from, to);
            for (int i = 0; i < parts.size(); i++) {
                MonthSummary.Part p = parts.get(i);
                acts.add((i > 0 ? " union all " : "") + "select a.owner_id, a.type, " + p.count() + " as n from " + p.from()
                        + " where a.tenant_id = ? and a.status = 'DONE'", ctx.tenant());
                p.range(acts, ctx);
                ctx.visibility(RecordType.ACTIVITY).restrict(acts, "a.owner_id");
            }
            // An activity without a type (possible in the column, not through the services) has no column here.
            acts.add(") x where x.type is not null group by x.owner_id, x.type");
            ctx.query(acts, rs -> activities.computeIfAbsent(Sql.Rows.text(rs, 1), k -> new EnumMap<>(ActivityType.class))
                    .put(ActivityType.valueOf(rs.getString(2)), rs.getLong(3)));
            Map<String, Long> won = new LinkedHashMap<>();
            Sql deals = closedDeals(ctx, "o.owner_id", "o.status = 'WON'", from, to).add(" group by x.k");
            ctx.query(deals, rs -> won.put(Sql.Rows.text(rs, 1), rs.getLong(2)));
            Map<String, String> labels = Labels.of(ctx, Dimension.USER);
            List<String> keys = new ArrayList<>(activities.keySet());
            won.keySet().stream().filter(k -> !activities.containsKey(k)).forEach(keys::add);
            List<InteractionRow> rows = new ArrayList<>();
            for (String key : keys) {
                long w = won.getOrDefault(key, 0L);
                Map<ActivityType, Long> counts = new EnumMap<>(ActivityType.class);
                Map<ActivityType, BigDecimal> per = new EnumMap<>(ActivityType.class);
                for (ActivityType type : ActivityType.values()) {
                    long c = activities.getOrDefault(key, Map.of()).getOrDefault(type, 0L);
                    counts.put(type, c);
                    per.put(type, Ratios.ratio(c, w));
                }
                rows.add(new InteractionRow(key, Labels.label(labels, Dimension.USER, key), w, counts, per));
            }
            return sortByLabel(rows, InteractionRow::label);
        });
    }

    public static ReportTable interactionTable(List<InteractionRow> rows) {
        ReportTable.Builder t = ReportTable.builder("Interaction effectiveness").column("rep", "Rep", ReportTable.Type.TEXT)
                .column("won", "Won deals", ReportTable.Type.INTEGER);
        for (ActivityType type : ActivityType.values()) {
            t.column(type.name().toLowerCase(), type.name(), ReportTable.Type.INTEGER);
            t.column(type.name().toLowerCase() + "PerWon", type.name() + " per won deal", ReportTable.Type.DECIMAL);
        }
        for (InteractionRow r : rows) {
            List<Object> cells = new ArrayList<>(List.of(r.label(), r.wonDeals()));
            for (ActivityType type : ActivityType.values()) {
                cells.add(r.activities().get(type));
                cells.add(r.perWonDeal().get(type));
            }
            t.row(cells, Map.of());
        }
        return t.build();
    }

    // ---------------------------------------------------------------- sources and campaigns

    /** Per lead source: leads created in the range, how many of them converted, and revenue won in the range. */
    public record SourceRow(String source, long leads, long converted, BigDecimal conversionRate, long wonDeals,
            BigDecimal revenue) {
    }

    public List<SourceRow> sources(DateRange range) {
        return runner.read("sources", ctx -> sources(ctx, range));
    }

    static List<SourceRow> sources(ReportContext ctx, DateRange range) {
        Instant from = range.start(ctx.calendar());
        Instant to = range.end(ctx.calendar());
        Map<String, long[]> leads = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Sql l = new Sql().add("select l.source, count(*), sum(case when l.status = 'CONVERTED' then 1 else 0 end)"
                + " from crm_lead l where l.tenant_id = ? and l.created_at >= ? and l.created_at < ?", ctx.tenant(), from, to);
        ctx.visibility(RecordType.LEAD).restrict(l, "l.owner_id");
        l.add(" group by l.source");
        ctx.query(l, rs -> leads.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}));
        Map<String, Object[]> won = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Sql o = closedDeals(ctx, "o.source", "o.status = 'WON'", from, to).add(" group by x.k");
        ctx.query(o, rs -> won.put(rs.getString(1), new Object[] {rs.getLong(2), Sql.Rows.decimal(rs, 3)}));
        Map<String, SourceRow> rows = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (String source : union(leads.keySet(), won.keySet())) {
            long[] ld = leads.getOrDefault(source, new long[2]);
            Object[] w = won.getOrDefault(source, new Object[] {0L, BigDecimal.ZERO});
            rows.put(source, new SourceRow(source, ld[0], ld[1], Ratios.ratio(ld[1], ld[0]), (long) w[0], (BigDecimal) w[1]));
        }
        return List.copyOf(rows.values());
    }

    public static ReportTable sourceTable(List<SourceRow> rows) {
        ReportTable.Builder t = ReportTable.builder("Sources and channels")
                .column("source", "Source", ReportTable.Type.TEXT)
                .column("leads", "Leads", ReportTable.Type.INTEGER)
                .column("converted", "Converted", ReportTable.Type.INTEGER)
                .column("conversionRate", "Conversion rate", ReportTable.Type.PERCENT)
                .column("wonDeals", "Won deals", ReportTable.Type.INTEGER)
                .column("revenue", "Revenue won", ReportTable.Type.DECIMAL);
        rows.forEach(r -> t.row(r.source() == null ? Labels.NONE : r.source(), r.leads(), r.converted(), r.conversionRate(),
                r.wonDeals(), r.revenue()));
        return t.build();
    }

    /** A campaign's planned and actual cost against the leads and won revenue it brought; ROI on actual cost. */
    public record CampaignRow(UUID campaignId, String name, String channel, BigDecimal plannedCost, BigDecimal actualCost,
            long leads, long wonDeals, BigDecimal revenue, BigDecimal roi) {
    }

    public List<CampaignRow> campaigns() {
        return runner.read("campaigns", ctx -> {
            Map<String, Long> leads = new LinkedHashMap<>();
            Sql l = new Sql().add("select l.campaign_id, count(*) from crm_lead l where l.tenant_id = ? and l.campaign_id is not null",
                    ctx.tenant());
            ctx.visibility(RecordType.LEAD).restrict(l, "l.owner_id");
            l.add(" group by l.campaign_id");
            ctx.query(l, rs -> leads.put(Sql.Rows.text(rs, 1), rs.getLong(2)));
            Map<String, Object[]> won = new LinkedHashMap<>();
            Sql o = new Sql().add("select o.campaign_id, count(*), coalesce(sum(o.amount), 0) from crm_opportunity o"
                    + " where o.tenant_id = ? and o.status = 'WON' and o.campaign_id is not null", ctx.tenant());
            ctx.visibility(RecordType.OPPORTUNITY).restrict(o, "o.owner_id");
            o.add(" group by o.campaign_id");
            ctx.query(o, rs -> won.put(Sql.Rows.text(rs, 1), new Object[] {rs.getLong(2), Sql.Rows.decimal(rs, 3)}));
            Sql c = new Sql().add("select c.id, c.name, c.channel, coalesce(c.planned_cost, 0), coalesce(c.actual_cost, 0)"
                    + " from crm_campaign c where c.tenant_id = ?", ctx.tenant());
            ctx.visibility(RecordType.CAMPAIGN).restrict(c, "c.owner_id");
            c.add(" order by c.name, c.id");
            return ctx.query(c, rs -> {
                String id = Sql.Rows.text(rs, 1);
                Object[] w = won.getOrDefault(id, new Object[] {0L, BigDecimal.ZERO});
                BigDecimal actual = Sql.Rows.decimal(rs, 5);
                BigDecimal revenue = (BigDecimal) w[1];
                return new CampaignRow(Sql.Rows.uuid(rs, 1), rs.getString(2), rs.getString(3), Sql.Rows.decimal(rs, 4), actual,
                        leads.getOrDefault(id, 0L), (long) w[0], revenue, Ratios.ratio(revenue.subtract(actual), actual));
            });
        });
    }

    public static ReportTable campaignTable(List<CampaignRow> rows) {
        ReportTable.Builder t = ReportTable.builder("Campaigns")
                .column("campaign", "Campaign", ReportTable.Type.TEXT)
                .column("channel", "Channel", ReportTable.Type.TEXT)
                .column("plannedCost", "Planned cost", ReportTable.Type.DECIMAL)
                .column("actualCost", "Actual cost", ReportTable.Type.DECIMAL)
                .column("leads", "Leads", ReportTable.Type.INTEGER)
                .column("wonDeals", "Won deals", ReportTable.Type.INTEGER)
                .column("revenue", "Revenue won", ReportTable.Type.DECIMAL)
                .column("roi", "ROI", ReportTable.Type.PERCENT);
        rows.forEach(r -> t.row(r.name(), r.channel(), r.plannedCost(), r.actualCost(), r.leads(), r.wonDeals(), r.revenue(), r.roi()));
        return t.build();
    }

    /** Why deals were lost in the range, most frequent first. */
    public record LostReasonRow(String reason, long deals, BigDecimal amount) {
    }

    public List<LostReasonRow> lostReasons(DateRange range) {
        return runner.read("lost-reasons", ctx -> lostReasons(ctx, range));
    }

    static List<LostReasonRow> lostReasons(ReportContext ctx, DateRange range) {
        Sql sql = closedDeals(ctx, "o.lost_reason", "o.status = 'LOST'", range.start(ctx.calendar()), range.end(ctx.calendar()))
                .add(" group by x.k order by sum(x.n) desc, x.k");
        return ctx.query(sql, rs -> new LostReasonRow(rs.getString(1), rs.getLong(2), Sql.Rows.decimal(rs, 3)));
    }

    public static ReportTable lostReasonTable(List<LostReasonRow> rows) {
        ReportTable.Builder t = ReportTable.builder("Lost reasons")
                .column("reason", "Reason", ReportTable.Type.TEXT)
                .column("deals", "Deals", ReportTable.Type.INTEGER)
                .column("amount", "Amount", ReportTable.Type.DECIMAL);
        rows.forEach(r -> t.row(r.reason() == null ? Labels.NONE : r.reason(), r.deals(), r.amount()));
        return t.build();
    }

    // ---------------------------------------------------------------- quotes and products

    /** Quotes created in the range by status: how many and their net value. */
    public record QuoteStatusRow(String status, long quotes, BigDecimal netTotal) {
    }

    public List<QuoteStatusRow> quotes(DateRange range) {
        return runner.read("quotes", ctx -> {
            Sql sql = new Sql().add("select q.status, count(*), coalesce(sum(q.net_total), 0) from crm_quote q"
                    + " where q.tenant_id = ? and q.created_at >= ? and q.created_at < ?",
                    ctx.tenant(), range.start(ctx.calendar()), range.end(ctx.calendar()));
            ctx.visibility(RecordType.QUOTE).restrict(sql, "q.owner_id");
            sql.add(" group by q.status order by q.status");
            return ctx.query(sql, rs -> new QuoteStatusRow(rs.getString(1), rs.getLong(2), Sql.Rows.decimal(rs, 3)));
        });
    }

    public static ReportTable quoteTable(List<QuoteStatusRow> rows) {
        ReportTable.Builder t = ReportTable.builder("Quotes")
                .column("status", "Status", ReportTable.Type.TEXT)
                .column("quotes", "Quotes", ReportTable.Type.INTEGER)
                .column("netTotal", "Net total", ReportTable.Type.DECIMAL);
        rows.forEach(r -> t.row(r.status(), r.quotes(), r.netTotal()));
        return t.build();
    }

    /** Products on quotes accepted in the range: lines, quantity and net value. */
    public record ProductRow(UUID productId, String product, long lines, BigDecimal quantity, BigDecimal net) {
    }

    public List<ProductRow> productsSold(DateRange range) {
        return runner.read("products-sold", ctx -> {
            Sql sql = new Sql().add("select ql.product_id, max(p.name), count(*), coalesce(sum(ql.quantity), 0), coalesce(sum(ql.line_net), 0)"
                    + " from crm_quote_line ql join crm_quote q on q.id = ql.quote_id and q.tenant_id = ql.tenant_id"
                    + " left join crm_product p on p.id = ql.product_id and p.tenant_id = ql.tenant_id"
                    + " where ql.tenant_id = ? and q.status = 'ACCEPTED' and q.decided_at >= ? and q.decided_at < ?",
                    ctx.tenant(), range.start(ctx.calendar()), range.end(ctx.calendar()));
            ctx.visibility(RecordType.QUOTE).restrict(sql, "q.owner_id");
            sql.add(" group by ql.product_id order by coalesce(sum(ql.line_net), 0) desc");
            return ctx.query(sql, rs -> new ProductRow(Sql.Rows.uuid(rs, 1), rs.getString(2), rs.getLong(3), Sql.Rows.decimal(rs, 4),
                    Sql.Rows.decimal(rs, 5)));
        });
    }

    public static ReportTable productTable(List<ProductRow> rows) {
        ReportTable.Builder t = ReportTable.builder("Products sold")
                .column("product", "Product", ReportTable.Type.TEXT)
                .column("lines", "Lines", ReportTable.Type.INTEGER)
                .column("quantity", "Quantity", ReportTable.Type.DECIMAL)
                .column("net", "Net", ReportTable.Type.DECIMAL);
        rows.forEach(r -> t.row(r.product() == null ? Labels.NONE : r.product(), r.lines(), r.quantity(), r.net()));
        return t.build();
    }

    // ---------------------------------------------------------------- ABC / XYZ

    public enum AbcClass { A, B, C }

    public enum XyzClass { X, Y, Z }

    /**
     * An account's revenue won in the range, its share and cumulative share (ABC, by revenue) and the
     * coefficient of variation of its monthly revenue over the range's months (XYZ, by regularity).
     */
    public record SegmentRow(UUID accountId, String account, BigDecimal revenue, BigDecimal share,
            BigDecimal cumulativeShare, AbcClass abc, double variation, XyzClass xyz) {
    }

    public List<SegmentRow> abcXyz(DateRange range) {
        return runner.read("abc-xyz", ctx -> {
            FiscalCalendar cal = ctx.calendar();
            List<Instant> bounds = new ArrayList<>();
            java.time.YearMonth first = java.time.YearMonth.from(range.from());
            java.time.YearMonth last = java.time.YearMonth.from(range.to());
            bounds.add(range.start(cal));
            for (java.time.YearMonth m = first.plusMonths(1); !m.isAfter(last); m = m.plusMonths(1)) {
                bounds.add(cal.instant(m));
            }
            bounds.add(range.end(cal));
            // Revenue per account and month, then per account its total and the sum of the monthly totals'
            // squares (all XYZ needs; summed as doubles: numeric sums over tens of thousands of groups were most
            // of the statement's time), then the name: one row per account reaches Java.
            Sql sql = new Sql().add("select y.account_id, a.name, y.revenue, y.squares from (select m.account_id,"
                    + " sum(m.amount) as revenue, sum(cast(m.amount as double precision) * cast(m.amount as double precision)) as squares"
                    + " from (");
            accountMonthRevenue(sql, ctx, bounds);
            sql.add(") m group by m.account_id) y left join crm_account a on a.id = y.account_id and a.tenant_id = ?", ctx.tenant());
            List<Segmentation.Revenue> accounts = ctx.query(sql, rs -> new Segmentation.Revenue(Sql.Rows.uuid(rs, 1), rs.getString(2),
                    Sql.Rows.decimal(rs, 3), rs.getDouble(4)));
            return Segmentation.classify(accounts, bounds.size() - 1, ctx.settings());
        });
    }

    /**
     * Rows {@code (account_id, amount)}, one per account and bucket {@code [bounds[i], bounds[i+1])} with won
     * revenue in it. A caller who sees every deal, with the monthly summaries in use (PostgreSQL), reads the
     * whole months from the account-month summary, whose rows already are one per account and month (each
     * bucket here is one calendar month or part of one), and sums only the deals of the partial months at
     * the ends, without parallel workers (see {@link ReportContext#withoutParallelWorkers()}); anyone else
     * sums the deals in scope.
     */
    private static void accountMonthRevenue(Sql sql, ReportContext ctx, List<Instant> bounds) {
        Visibility visible = ctx.visibility(RecordType.OPPORTUNITY);
        if (!visible.all() || !ctx.summariesUsable()) {
            sql.add("select x.account_id, sum(x.amount) as amount from (select o.account_id, ");
            sql.bucket("o.closed_at", bounds);
            sql.add(" as bucket, o.amount from crm_opportunity o where o.tenant_id = ? and o.status = 'WON'"
                    + " and o.account_id is not null and o.amount is not null and o.closed_at >= ? and o.closed_at < ?",
                    ctx.tenant(), bounds.get(0), bounds.get(bounds.size() - 1));
            visible.restrict(sql, "o.owner_id");
            sql.add(") x group by x.account_id, x.bucket");
            return;
        }
        ctx.withoutParallelWorkers();
        List<MonthSummary.Part> parts = MonthSummary.ACCOUNT_MONTHS.parts(ctx, bounds, java.util.Set.of());
        for (int i = 0; i < parts.size(); i++) {
            MonthSummary.Part part = parts.get(i);
            sql.add(i > 0 ? " union all " : "");
            if (part.summary()) {
                sql.add("select o.account_id, o.amount from " + part.from() + " where o.tenant_id = ?", ctx.tenant());
                part.range(sql, ctx);
            } else {
                sql.add("select o.account_id, sum(o.amount) as amount from " + part.from() + " where o.tenant_id = ? and o.status = 'WON'"
                        + " and o.account_id is not null and o.amount is not null", ctx.tenant());
                part.range(sql, ctx);
                sql.add(" group by o.account_id, ");
                part.bucket(sql);
            }
        }
    }

    public static ReportTable segmentTable(List<SegmentRow> rows) {
        ReportTable.Builder t = ReportTable.builder("ABC / XYZ segmentation")
                .column("account", "Account", ReportTable.Type.TEXT)
                .column("revenue", "Revenue", ReportTable.Type.DECIMAL)
                .column("share", "Share", ReportTable.Type.PERCENT)
                .column("cumulativeShare", "Cumulative share", ReportTable.Type.PERCENT)
                .column("abc", "ABC", ReportTable.Type.TEXT)
                .column("variation", "Coefficient of variation", ReportTable.Type.DECIMAL)
                .column("xyz", "XYZ", ReportTable.Type.TEXT);
        rows.forEach(r -> t.row(r.account(), r.revenue(), r.share(), r.cumulativeShare(), r.abc().name(),
                BigDecimal.valueOf(r.variation()).setScale(4, java.math.RoundingMode.HALF_UP), r.xyz().name()));
        return t.build();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * {@code select x.k, sum(x.n), coalesce(sum(x.amount), 0) from (…) x} over the deals closed in
     * {@code [from, to)} that meet the condition, keyed by a column of theirs: the whole months from the
     * deal summary where usable, the partial months from the deals. The caller appends the grouping.
     */
    static Sql closedDeals(ReportContext ctx, String key, String condition, Instant from, Instant to) {
        Sql sql = new Sql().add("select x.k, sum(x.n), coalesce(sum(x.amount), 0) from (");
        List<MonthSummary.Part> parts = MonthSummary.DEALS.parts(ctx, from, to);
        for (int i = 0; i < parts.size(); i++) {
            MonthSummary.Part p = parts.get(i);
            sql.add((i > 0 ? " union all " : "") + "select " + key + " as k, " + p.count() + " as n, o.amount from " + p.from()
                    + " where o.tenant_id = ? and " + condition, ctx.tenant());
            p.range(sql, ctx);
            ctx.visibility(RecordType.OPPORTUNITY).restrict(sql, "o.owner_id");
        }
        return sql.add(") x");
    }

    static void requireDimension(Measure measure, Dimension dimension) {
        if (!measure.dimensions().contains(dimension)) {
            throw dev.cartera.core.common.ValidationException.of("dimension", "report.dimension.unsupported");
        }
    }

    static <R> List<R> sortByLabel(List<R> rows, java.util.function.Function<R, String> label) {
        List<R> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(label, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    private static <T> List<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        List<T> all = new ArrayList<>(a);
        b.stream().filter(x -> !a.contains(x)).forEach(all::add);
        return all;
    }
}
