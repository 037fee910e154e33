package dev.cartera.core.lead.internal;

import dev.cartera.core.audit.AuditEntry;
import dev.cartera.core.common.Ids;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.Lead;
import dev.cartera.core.persistence.BulkCopy;
import dev.cartera.core.persistence.UnitOfWork;
import java.time.Instant;
import java.util.List;

/**
 * New leads and their CREATE audit entries as COPY rows, column for column what Hibernate stores for
 * {@link Lead} and {@code AuditEntry} on persist (version 0, created = updated = now, by the unit's
 * user). A test compares {@link #LEAD_COLUMNS} with the table, so a new column cannot be forgotten here.
 */
public final class LeadRows {
    public static final List<String> LEAD_COLUMNS = List.of("id", "tenant_id", "version", "created_at", "created_by",
            "updated_at", "updated_by", "first_name", "last_name", "company_name", "job_title", "email", "phone", "tax_id",
            "source", "campaign_id", "status", "owner_id", "street", "city", "postcode", "province", "country", "language",
            "company_size", "product_interest", "notes", "disqualify_reason", "assigned_at", "converted_at",
            "converted_account_id", "converted_contact_id", "converted_opportunity_id", "last_contacted_at", "company_key",
            "person_key");
    public static final List<String> AUDIT_COLUMNS = List.of("id", "tenant_id", "occurred_at", "username", "action",
            "record_type", "record_id", "details");

    private LeadRows() {
    }

    /** Copies the leads and one audit entry each ({@code action}, {@code details} as the entity path writes them). */
    public static void copy(UnitOfWork work, List<Lead> leads, String action, List<String> details) {
        Instant now = work.now();
        String tenant = work.tenantId();
        String user = work.username();
        BulkCopy rows = BulkCopy.into("crm_lead", LEAD_COLUMNS);
        BulkCopy audit = BulkCopy.into("crm_audit", AUDIT_COLUMNS);
        for (int i = 0; i < leads.size(); i++) {
            Lead l = leads.get(i);
            rows.row(l.getId(), tenant, 0L, now, user, now, user, l.getFirstName(), l.getLastName(), l.getCompanyName(),
                    l.getJobTitle(), l.getEmail(), l.getPhone(), l.getTaxId(), l.getSource(), l.getCampaignId(), l.getStatus(),
                    l.getOwnerId(), l.getStreet(), l.getCity(), l.getPostcode(), l.getProvince(), l.getCountry(), l.getLanguage(),
                    l.getCompanySize(), l.getProductInterest(), l.getNotes(), l.getDisqualifyReason(), l.getAssignedAt(),
                    l.getConvertedAt(), l.getConvertedAccountId(), l.getConvertedContactId(), l.getConvertedOpportunityId(),
                    l.getLastContactedAt(), l.getCompanyKey(), l.getPersonKey());
            audit.row(Ids.newId(), tenant, now, user, action, RecordType.LEAD, l.getId(), AuditEntry.fitted(details.get(i)));
        }
        rows.copy(work);
        audit.copy(work);
    }
}
