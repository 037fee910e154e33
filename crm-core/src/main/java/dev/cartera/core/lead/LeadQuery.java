package dev.cartera.core.lead;

import java.util.UUID;

public record LeadQuery(String text, LeadStatus status, String source, UUID ownerId) {
    public static LeadQuery all() {
        return new LeadQuery(null, null, null, null);
    }
}
