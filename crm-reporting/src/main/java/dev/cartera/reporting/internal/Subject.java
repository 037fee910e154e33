package dev.cartera.reporting.internal;

import dev.cartera.core.common.RecordType;
import dev.cartera.reporting.Dimension;

/** The records a measure reads: fixed table, alias, owner column and the columns of its dimensions. */
public enum Subject {
    OPPORTUNITY("crm_opportunity o", "o", RecordType.OPPORTUNITY, "o.owner_id", "o.source", "o.stage_id", null),
    LEAD("crm_lead l", "l", RecordType.LEAD, "l.owner_id", "l.source", null, null),
    ACTIVITY("crm_activity a", "a", RecordType.ACTIVITY, "a.owner_id", null, null, null),
    QUOTE("crm_quote q", "q", RecordType.QUOTE, "q.owner_id", null, null, null),
    QUOTE_LINE("crm_quote_line ql join crm_quote q on q.id = ql.quote_id and q.tenant_id = ql.tenant_id", "ql",
            RecordType.QUOTE, "q.owner_id", null, null, "ql.product_id");

    private final String from;
    private final String alias;
    private final RecordType recordType;
    private final String owner;
    private final String source;
    private final String stage;
    private final String product;

    Subject(String from, String alias, RecordType recordType, String owner, String source, String stage, String product) {
        this.from = from;
        this.alias = alias;
        this.recordType = recordType;
        this.owner = owner;
        this.source = source;
        this.stage = stage;
        this.product = product;
    }

    public String from() {
        return from;
    }

    public String alias() {
        return alias;
    }

    public RecordType recordType() {
        return recordType;
    }

    public String ownerColumn() {
        return owner;
    }

    /** The SQL of a dimension's key over this subject joined to {@code u} (owner) and {@code tm} (owner's team). */
    public String dimension(Dimension d) {
        return switch (d) {
            case NONE -> "'*'";
            case USER -> owner;
            case TEAM -> "u.team_id";
            case OFFICE -> "coalesce(u.office_id, tm.office_id)";
            case ROLE -> "u.role";
            case SOURCE -> require(source, d);
            case STAGE -> require(stage, d);
            case PRODUCT -> require(product, d);
        };
    }

    private String require(String column, Dimension d) {
        if (column == null) {
            throw new IllegalArgumentException(d + " does not apply to " + this);
        }
        return column;
    }

    /** The owner and team joins, only when the dimension reads the owner's team, office or role. */
    public String ownerJoins(Dimension d) {
        return d == Dimension.TEAM || d == Dimension.OFFICE || d == Dimension.ROLE ? ownerJoins() : "";
    }

    /** The owner and team joins the people dimensions need, tenant-bound. */
    public String ownerJoins() {
        return " left join crm_user u on u.id = " + owner + " and u.tenant_id = " + alias + ".tenant_id"
                + " left join crm_team tm on tm.id = u.team_id and tm.tenant_id = u.tenant_id";
    }
}
