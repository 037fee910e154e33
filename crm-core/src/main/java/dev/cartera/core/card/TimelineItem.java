package dev.cartera.core.card;

import dev.cartera.core.common.RecordType;
import java.time.Instant;
import java.util.UUID;

/**
 * One moment in a customer's story. {@code kind} names what happened (lead.created, activity.CALL,
 * opportunity.stage, opportunity.won…) and is also the message key of its label.
 */
public record TimelineItem(Instant at, String kind, String title, String detail, RecordType recordType, UUID recordId, String actor) {
}
