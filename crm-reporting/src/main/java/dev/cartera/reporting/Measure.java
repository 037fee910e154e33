package dev.cartera.reporting;

import dev.cartera.reporting.internal.Subject;
import java.util.EnumSet;
import java.util.Set;

/**
 * A figure that can be counted per month: which records, which of their instants places them in a
 * month, and whether the value is their number or the sum of an amount. Fixed SQL, never user text.
 */
public enum Measure {
    REVENUE_WON(Subject.OPPORTUNITY, "o.closed_at", "o.amount", "o.status = 'WON'"),
    DEALS_WON(Subject.OPPORTUNITY, "o.closed_at", null, "o.status = 'WON'"),
    DEALS_LOST(Subject.OPPORTUNITY, "o.closed_at", null, "o.status = 'LOST'"),
    DEALS_CREATED(Subject.OPPORTUNITY, "o.created_at", null, "1 = 1"),
    PIPELINE_CREATED(Subject.OPPORTUNITY, "o.created_at", "o.amount", "1 = 1"),
    LEADS_CREATED(Subject.LEAD, "l.created_at", null, "1 = 1"),
    LEADS_CONVERTED(Subject.LEAD, "l.converted_at", null, "l.status = 'CONVERTED'"),
    ACTIVITIES_DONE(Subject.ACTIVITY, "a.completed_at", null, "a.status = 'DONE'"),
    CALLS(Subject.ACTIVITY, "a.completed_at", null, "a.status = 'DONE' and a.type = 'CALL'"),
    EMAILS(Subject.ACTIVITY, "a.completed_at", null, "a.status = 'DONE' and a.type = 'EMAIL'"),
    MEETINGS(Subject.ACTIVITY, "a.completed_at", null, "a.status = 'DONE' and a.type = 'MEETING'"),
    VISITS(Subject.ACTIVITY, "a.completed_at", null, "a.status = 'DONE' and a.type = 'VISIT'"),
    QUOTES_SENT(Subject.QUOTE, "q.sent_at", "q.net_total", "q.sent_at is not null"),
    QUOTES_ACCEPTED(Subject.QUOTE, "q.decided_at", "q.net_total", "q.status = 'ACCEPTED'"),
    /** Net value of accepted quote lines, by the day the quote was accepted. */
    PRODUCTS_SOLD(Subject.QUOTE_LINE, "q.decided_at", "ql.line_net", "q.status = 'ACCEPTED'");

    private final Subject subject;
    private final String instant;
    private final String amount;
    private final String condition;

    Measure(Subject subject, String instant, String amount, String condition) {
        this.subject = subject;
        this.instant = instant;
        this.amount = amount;
        this.condition = condition;
    }

    public Subject subject() {
        return subject;
    }

    public String instantColumn() {
        return instant;
    }

    /** The summed column, or null when the measure counts records. */
    public String amountColumn() {
        return amount;
    }

    public String condition() {
        return condition;
    }

    public boolean isAmount() {
        return amount != null;
    }

    public Set<Dimension> dimensions() {
        Set<Dimension> all = EnumSet.of(Dimension.NONE, Dimension.USER, Dimension.TEAM, Dimension.OFFICE, Dimension.ROLE);
        switch (subject) {
            case OPPORTUNITY -> all.addAll(EnumSet.of(Dimension.SOURCE, Dimension.STAGE));
            case LEAD -> all.add(Dimension.SOURCE);
            case QUOTE_LINE -> all.add(Dimension.PRODUCT);
            default -> {
            }
        }
        return all;
    }
}
