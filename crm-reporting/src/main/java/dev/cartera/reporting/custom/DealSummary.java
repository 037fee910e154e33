package dev.cartera.reporting.custom;

import dev.cartera.reporting.custom.ReportDefinition.Aggregate;
import dev.cartera.reporting.custom.ReportDefinition.MeasureSpec;
import java.util.Set;

/**
 * The all-deals summary of migration V15 ({@code crm_deal_summary}, PostgreSQL only): every deal counted
 * per tenant, status, stage, owner, source, lost reason and currency, with the sum of its amounts and the
 * number of amounts. A grouped custom report over deals whose groupings, filters and columns use only
 * those fields, and whose measures are counts, sums or averages of the amount, reads it instead of the
 * deals: the same rows (its columns carry the deals' names and alias, so the fields' SQL, the name joins
 * and the tenant and scope filters on {@code x.owner_id} apply unchanged), from thousands of rows instead
 * of millions. Minimum and maximum are not kept (they cannot be taken back when a deal leaves a cell), nor
 * anything with a time, an account or a name: those reports read the deals.
 */
public final class DealSummary {
    /** The field keys the summary keeps, as {@link ReportSubject#OPPORTUNITIES} names them. */
    static final Set<String> FIELDS = Set.of("status", "stage", "owner", "source", "lostReason", "currency");
    static final String TABLE = "crm_deal_summary x";

    private DealSummary() {
    }

    /** Whether the summary holds everything the definition needs (read on PostgreSQL; elsewhere the deals). */
    public static boolean answers(ReportDefinition d) {
        return d.subject() == ReportSubject.OPPORTUNITIES && d.isGrouped() && FIELDS.containsAll(d.groupings())
                && FIELDS.containsAll(d.columns()) && d.filters().stream().allMatch(f -> FIELDS.contains(f.field()))
                && d.measures().stream().allMatch(DealSummary::summable);
    }

    private static boolean summable(MeasureSpec m) {
        return m.aggregate() == Aggregate.COUNT
                || (m.aggregate() == Aggregate.SUM || m.aggregate() == Aggregate.AVG) && "amount".equals(m.field());
    }

    /** The measure over summary rows: counts and amounts added up, the average as their quotient. */
    static String measure(MeasureSpec m) {
        return switch (m.aggregate()) {
            case COUNT -> "sum(x.n)";
            case SUM -> "coalesce(sum(x.amount), 0)";
            case AVG -> "sum(x.amount) / nullif(sum(x.n_amount), 0)";
            default -> throw new IllegalArgumentException(m.aggregate() + " is not kept in the deal summary");
        };
    }
}
