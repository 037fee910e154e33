package dev.cartera.core.gdpr;

public enum LegalBasis {
    CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTEREST, PUBLIC_TASK, LEGITIMATE_INTEREST
}
