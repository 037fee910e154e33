package dev.cartera.core.lead;

/** How far a lead has been worked. CONVERTED and DISQUALIFIED are final. */
public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, CONVERTED, DISQUALIFIED;

    public boolean isFinal() {
        return this == CONVERTED || this == DISQUALIFIED;
    }
}
