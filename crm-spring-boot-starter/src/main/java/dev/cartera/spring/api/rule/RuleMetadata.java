package dev.cartera.spring.api.rule;

import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.Severity;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.rules.ActionKind;
import dev.cartera.rules.AssigneeKind;
import dev.cartera.rules.Operator;
import dev.cartera.rules.Recipient;
import dev.cartera.rules.RuleFields;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.Trigger;
import java.util.Arrays;
import java.util.List;

/**
 * Everything an editor needs to offer, read from the rules module's enums and field whitelist at run time, so a
 * trigger, operator or field added to crm-rules shows up in the API and the UI without touching either.
 */
public record RuleMetadata(List<String> kinds, List<String> operators, List<String> assigneeKinds, List<String> actionKinds,
        List<String> recipients, List<String> taskTypes, List<String> alertKinds, List<String> severities,
        List<String> leadStatuses, List<String> leadFields, List<TriggerInfo> triggers) {

    /** A trigger, the record type it is about, whether a timer checks it, and the fields its criteria may use. */
    public record TriggerInfo(String name, RecordType recordType, boolean timer, List<String> fields) {
    }

    public static RuleMetadata current() {
        return new RuleMetadata(names(RuleSetKind.values()), names(Operator.values()),
                Arrays.stream(AssigneeKind.values()).map(Enum::name).toList(), names(ActionKind.values()),
                names(Recipient.values()), names(ActivityType.values()), names(AlertKind.values()), names(Severity.values()),
                names(LeadStatus.values()), RuleFields.of(RecordType.LEAD),
                Arrays.stream(Trigger.values()).map(t -> new TriggerInfo(t.name(), t.recordType(), t.isTimer(), RuleFields.of(t))).toList());
    }

    /** The assignee kinds an assignment rule may use (record owner only makes sense for automation). */
    public static List<AssigneeKind> assignmentAssignees() {
        return Arrays.stream(AssigneeKind.values()).filter(k -> k != AssigneeKind.RECORD_OWNER).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
