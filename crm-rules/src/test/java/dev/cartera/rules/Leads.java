package dev.cartera.rules;

import dev.cartera.core.lead.LeadDraft;

/** Lead drafts as the tests need them. */
final class Leads {
    private Leads() {
    }

    static LeadDraft lead(String company, String province, String postcode, String source, Integer size, String email) {
        return new LeadDraft(null, null, company, null, email, null, null, source, null, null, null, null, postcode, province,
                null, null, size, null, null);
    }

    static LeadDraft lead(String company, String province, String source) {
        return lead(company, province, null, source, null, null);
    }
}
