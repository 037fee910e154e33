package dev.cartera.reporting.custom;

import dev.cartera.core.account.AccountKind;
import dev.cartera.core.activity.ActivityStatus;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.Priority;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.opportunity.OpportunityStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The record types a custom report can read, each with its whitelist of fields. */
public enum ReportSubject {
    LEADS(RecordType.LEAD, "crm_lead x", List.of(
            Field.of("firstName", "x.first_name", FieldType.TEXT),
            Field.of("lastName", "x.last_name", FieldType.TEXT),
            Field.of("company", "x.company_name", FieldType.TEXT),
            Field.of("email", "x.email", FieldType.TEXT),
            Field.of("phone", "x.phone", FieldType.TEXT),
            Field.of("source", "x.source", FieldType.TEXT),
            Field.choice("status", "x.status", LeadStatus.class),
            Field.reference("owner", "x.owner_id", "ou.display_name"),
            Field.of("city", "x.city", FieldType.TEXT),
            Field.of("province", "x.province", FieldType.TEXT),
            Field.of("country", "x.country", FieldType.TEXT),
            Field.of("companySize", "x.company_size", FieldType.NUMBER),
            Field.of("productInterest", "x.product_interest", FieldType.TEXT),
            Field.of("createdAt", "x.created_at", FieldType.TIMESTAMP),
            Field.of("convertedAt", "x.converted_at", FieldType.TIMESTAMP))),
    OPPORTUNITIES(RecordType.OPPORTUNITY, "crm_opportunity x", List.of(
            Field.of("name", "x.name", FieldType.TEXT),
            Field.of("amount", "x.amount", FieldType.NUMBER),
            Field.of("currency", "x.currency", FieldType.TEXT),
            Field.choice("status", "x.status", OpportunityStatus.class),
            Field.reference("stage", "x.stage_id", "st.name"),
            Field.reference("owner", "x.owner_id", "ou.display_name"),
            Field.reference("account", "x.account_id", "ac.name"),
            Field.of("source", "x.source", FieldType.TEXT),
            Field.of("lostReason", "x.lost_reason", FieldType.TEXT),
            Field.of("expectedCloseDate", "x.expected_close_date", FieldType.DATE),
            Field.of("createdAt", "x.created_at", FieldType.TIMESTAMP),
            Field.of("closedAt", "x.closed_at", FieldType.TIMESTAMP),
            Field.of("stageEnteredAt", "x.stage_entered_at", FieldType.TIMESTAMP))),
    ACTIVITIES(RecordType.ACTIVITY, "crm_activity x", List.of(
            Field.choice("type", "x.type", ActivityType.class),
            Field.of("subject", "x.subject", FieldType.TEXT),
            Field.choice("status", "x.status", ActivityStatus.class),
            Field.choice("priority", "x.priority", Priority.class),
            Field.reference("owner", "x.owner_id", "ou.display_name"),
            Field.reference("account", "x.account_id", "ac.name"),
            Field.of("dueAt", "x.due_at", FieldType.TIMESTAMP),
            Field.of("completedAt", "x.completed_at", FieldType.TIMESTAMP),
            Field.of("createdAt", "x.created_at", FieldType.TIMESTAMP),
            Field.of("durationMinutes", "x.duration_minutes", FieldType.NUMBER),
            Field.of("automatic", "x.automatic", FieldType.BOOLEAN))),
    ACCOUNTS(RecordType.ACCOUNT, "crm_account x", List.of(
            Field.of("name", "x.name", FieldType.TEXT),
            Field.choice("kind", "x.kind", AccountKind.class),
            Field.of("taxId", "x.tax_id", FieldType.TEXT),
            Field.of("email", "x.email", FieldType.TEXT),
            Field.of("phone", "x.phone", FieldType.TEXT),
            Field.of("city", "x.city", FieldType.TEXT),
            Field.of("province", "x.province", FieldType.TEXT),
            Field.of("country", "x.country", FieldType.TEXT),
            Field.of("industry", "x.industry", FieldType.TEXT),
            Field.of("employees", "x.employees", FieldType.NUMBER),
            Field.of("customer", "x.is_customer", FieldType.BOOLEAN),
            Field.reference("owner", "x.owner_id", "ou.display_name"),
            Field.of("source", "x.source", FieldType.TEXT),
            Field.of("segment", "x.segment", FieldType.TEXT),
            Field.of("createdAt", "x.created_at", FieldType.TIMESTAMP),
            Field.of("lastContactedAt", "x.last_contacted_at", FieldType.TIMESTAMP)));

    private final RecordType recordType;
    private final String from;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    ReportSubject(RecordType recordType, String from, List<Field> fields) {
        this.recordType = recordType;
        this.from = from;
        fields.forEach(f -> this.fields.put(f.key(), f));
    }

    public RecordType recordType() {
        return recordType;
    }

    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    public Optional<Field> field(String key) {
        return Optional.ofNullable(key == null ? null : fields.get(key));
    }

    /** The table alone. */
    String from() {
        return from;
    }

    /** The table and the tenant-bound joins that the shown names of the used fields read from. */
    String from(java.util.Collection<Field> used) {
        return from(from, used);
    }

    /** Another table with this one's alias and column names (the deal summary), and the same joins. */
    String from(String table, java.util.Collection<Field> used) {
        StringBuilder joins = new StringBuilder(table);
        if (uses(used, "ou.")) {
            joins.append(" left join crm_user ou on ou.id = x.owner_id and ou.tenant_id = x.tenant_id");
        }
        if (this == OPPORTUNITIES && uses(used, "st.")) {
            joins.append(" left join crm_stage st on st.id = x.stage_id and st.tenant_id = x.tenant_id");
        }
        if ((this == OPPORTUNITIES || this == ACTIVITIES) && uses(used, "ac.")) {
            joins.append(" left join crm_account ac on ac.id = x.account_id and ac.tenant_id = x.tenant_id");
        }
        return joins.toString();
    }

    private static boolean uses(java.util.Collection<Field> used, String alias) {
        return used.stream().anyMatch(f -> f.label() != null && f.label().startsWith(alias));
    }
}
