package dev.cartera.core.alert;

/**
 * The kinds of customer alerts (KD-6), each with its icon (Bootstrap Icons name) and the severity it
 * is raised with unless the raiser says otherwise.
 */
public enum AlertKind {
    TASK_OVERDUE("alarm", Severity.WARNING),
    TASK_REMINDER("bell", Severity.INFO),
    DEAL_STUCK("hourglass-split", Severity.WARNING),
    CUSTOMER_NOT_CONTACTED("telephone-x", Severity.INFO),
    QUOTE_VIEWED("eye", Severity.INFO),
    QUOTE_ACCEPTED("check2-circle", Severity.INFO),
    QUOTE_EXPIRING("calendar-x", Severity.WARNING),
    DOCUMENT_UPLOADED("file-earmark-arrow-up", Severity.INFO),
    DUPLICATE_SUSPECTED("people", Severity.WARNING),
    CONSENT_MISSING("shield-exclamation", Severity.CRITICAL),
    REASSIGNED_AFTER_ABSENCE("arrow-left-right", Severity.INFO),
    CUSTOM("bell", Severity.INFO);

    private final String icon;
    private final Severity defaultSeverity;

    AlertKind(String icon, Severity defaultSeverity) {
        this.icon = icon;
        this.defaultSeverity = defaultSeverity;
    }

    public String icon() {
        return icon;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }
}
