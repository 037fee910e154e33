package dev.cartera.rules;

import dev.cartera.core.common.RecordType;

/** What starts an automation rule: a CRM event, a timer checked by {@code runTimers}, or an absence. */
public enum Trigger {
    LEAD_CREATED(RecordType.LEAD, false),
    LEAD_ASSIGNED(RecordType.LEAD, false),
    LEAD_STATUS_CHANGED(RecordType.LEAD, false),
    LEAD_CONVERTED(RecordType.LEAD, false),
    OPPORTUNITY_CREATED(RecordType.OPPORTUNITY, false),
    OPPORTUNITY_STAGE_CHANGED(RecordType.OPPORTUNITY, false),
    OPPORTUNITY_WON(RecordType.OPPORTUNITY, false),
    OPPORTUNITY_LOST(RecordType.OPPORTUNITY, false),
    /** A quote was e-mailed to the customer (a new send of the same quote fires again). */
    QUOTE_SENT(RecordType.QUOTE, false),
    /** The customer accepted a quote through its link (its deal is won at the same time). */
    QUOTE_ACCEPTED(RecordType.QUOTE, false),
    /** The customer rejected a quote through its link. */
    QUOTE_REJECTED(RecordType.QUOTE, false),
    /** A sent quote passed its last valid day unanswered and was marked expired. */
    QUOTE_EXPIRED(RecordType.QUOTE, false),
    /** A customer uploaded a document through an upload link (KD-7). */
    DOCUMENT_UPLOADED_BY_CUSTOMER(RecordType.DOCUMENT, false),
    /** Timer: an open deal has been in its stage longer than the stage's time limit (or the rule's {@code days}). */
    DEAL_STUCK(RecordType.OPPORTUNITY, true),
    /** Timer: a customer account has had no call, meeting, e-mail or visit for the rule's {@code days}. */
    CUSTOMER_NOT_CONTACTED(RecordType.ACCOUNT, true),
    /** Timer: a planned task is past its due date. */
    TASK_OVERDUE(RecordType.ACTIVITY, true),
    /** Timer: a user is absent today and still owns open tasks. */
    USER_ABSENT(RecordType.USER, true),
    /** Timer: a sent, unanswered quote's last valid day is at most the rule's {@code days} away. Once per quote and rule. */
    QUOTE_EXPIRING(RecordType.QUOTE, true),
    /**
     * Timer: a quote was sent at least the rule's {@code days} ago and is still unanswered (neither accepted nor
     * rejected nor expired, nor replaced by a newer version). Once per quote and rule.
     */
    QUOTE_UNANSWERED(RecordType.QUOTE, true);

    private final RecordType recordType;
    private final boolean timer;

    Trigger(RecordType recordType, boolean timer) {
        this.recordType = recordType;
        this.timer = timer;
    }

    public RecordType recordType() {
        return recordType;
    }

    public boolean isTimer() {
        return timer;
    }
}
