package dev.cartera.rules.internal;

import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.rules.ActionKind;
import dev.cartera.rules.Assignee;
import dev.cartera.rules.AssigneeKind;
import dev.cartera.rules.AssignmentRule;
import dev.cartera.rules.AutomationRule;
import dev.cartera.rules.Criterion;
import dev.cartera.rules.Operator;
import dev.cartera.rules.Recipient;
import dev.cartera.rules.RuleAction;
import dev.cartera.rules.Reason;
import dev.cartera.rules.RuleError;
import dev.cartera.rules.RuleErrorCode;
import dev.cartera.rules.RuleSetContent;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.Territory;
import dev.cartera.rules.Trigger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Structural checks of a version before any DRL exists: each problem is reported with the rule's name. */
public final class RuleChecks {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<ActionKind> ABSENCE_ACTIONS = EnumSet.of(ActionKind.REASSIGN_TASKS, ActionKind.RAISE_ALERT,
            ActionKind.SEND_EMAIL);

    private RuleChecks() {
    }

    public static List<RuleError> check(RuleSetKind kind, RuleSetContent content) {
        List<RuleError> errors = new ArrayList<>();
        if (content == null) {
            errors.add(RuleError.of(RuleError.RULE_SET, RuleErrorCode.NO_RULES));
            return errors;
        }
        if (kind == RuleSetKind.ASSIGNMENT) {
            checkAssignment(content.assignment(), errors);
        } else {
            checkAutomation(content.automation(), errors);
        }
        return errors;
    }

    /** Users and teams the rules name, so the service can check they exist in the tenant. */
    public static void referencedIds(RuleSetContent content, Consumer<UUID> users, Consumer<UUID> teams) {
        for (AssignmentRule r : content.assignment()) {
            references(r.assignTo(), users, teams);
        }
        for (AutomationRule r : content.automation()) {
            r.actions().forEach(a -> references(a.assignee(), users, teams));
        }
    }

    private static void references(Assignee a, Consumer<UUID> users, Consumer<UUID> teams) {
        if (a == null) {
            return;
        }
        if (a.userId() != null) {
            users.accept(a.userId());
        }
        if (a.teamId() != null) {
            teams.accept(a.teamId());
        }
        a.territories().stream().map(Territory::userId).filter(java.util.Objects::nonNull).forEach(users);
    }

    private static void checkAssignment(List<AssignmentRule> rules, List<RuleError> errors) {
        if (rules.isEmpty()) {
            errors.add(RuleError.of(RuleError.RULE_SET, RuleErrorCode.FALLBACK_MISSING));
            return;
        }
        Set<String> names = new HashSet<>();
        for (AssignmentRule r : rules) {
            String name = name(r.name(), errors, names);
            checkCriteria(name, RecordType.LEAD, r.criteria(), errors);
            checkAssignee(name, r.assignTo(), true, errors);
        }
        if (!rules.get(rules.size() - 1).criteria().isEmpty()) {
            errors.add(RuleError.of(display(rules.get(rules.size() - 1).name()),
                    RuleErrorCode.FALLBACK_HAS_CRITERIA));
        }
    }

    private static void checkAutomation(List<AutomationRule> rules, List<RuleError> errors) {
        Set<String> names = new HashSet<>();
        for (AutomationRule r : rules) {
            String name = name(r.name(), errors, names);
            if (r.trigger() == null) {
                errors.add(RuleError.of(name, RuleErrorCode.TRIGGER_REQUIRED));
                continue;
            }
            if (r.trigger() == Trigger.CUSTOMER_NOT_CONTACTED && (r.days() == null || r.days() < 1)) {
                errors.add(RuleError.of(name, RuleErrorCode.DAYS_AT_LEAST_ONE, r.trigger()));
            }
            if (r.trigger() == Trigger.QUOTE_UNANSWERED && (r.days() == null || r.days() < 1)) {
                errors.add(RuleError.of(name, RuleErrorCode.DAYS_AT_LEAST_ONE, r.trigger()));
            }
            if (r.trigger() == Trigger.QUOTE_EXPIRING && r.days() == null) {
                errors.add(RuleError.of(name, RuleErrorCode.EXPIRING_DAYS_REQUIRED, r.trigger()));
            }
            if (r.days() != null && r.days() < 0) {
                errors.add(RuleError.of(name, RuleErrorCode.NEGATIVE_DAYS));
            }
            checkCriteria(name, r.trigger().recordType(), r.criteria(), errors);
            if (r.actions().isEmpty()) {
                errors.add(RuleError.of(name, RuleErrorCode.ACTIONS_REQUIRED));
            }
            for (RuleAction a : r.actions()) {
                checkAction(name, r.trigger(), a, errors);
            }
        }
    }

    private static void checkAction(String name, Trigger trigger, RuleAction a, List<RuleError> errors) {
        if (a == null || a.kind() == null) {
            errors.add(RuleError.of(name, RuleErrorCode.ACTION_KIND_REQUIRED));
            return;
        }
        if (trigger == Trigger.USER_ABSENT && !ABSENCE_ACTIONS.contains(a.kind())) {
            errors.add(RuleError.of(name, RuleErrorCode.ABSENCE_ACTION_NOT_ALLOWED, a.kind()));
        }
        switch (a.kind()) {
            case CREATE_TASK -> {
                if (a.taskType() == null) {
                    errors.add(RuleError.of(name, RuleErrorCode.TASK_TYPE_REQUIRED));
                }
                requireText(name, a.title(), RuleErrorCode.TASK_TITLE_REQUIRED, 200, errors);
                if (a.dueInDays() != null && a.dueInDays() < 0) {
                    errors.add(RuleError.of(name, RuleErrorCode.TASK_DUE_IN_PAST));
                }
                checkAssignee(name, a.assignee(), false, errors);
            }
            case RAISE_ALERT -> {
                if (a.alertKind() == null) {
                    errors.add(RuleError.of(name, RuleErrorCode.ALERT_KIND_REQUIRED));
                }
                requireText(name, a.title(), RuleErrorCode.ALERT_MESSAGE_REQUIRED, 1000, errors);
                checkAssignee(name, a.assignee(), false, errors);
            }
            case SEND_EMAIL -> {
                if (a.recipient() == null) {
                    errors.add(RuleError.of(name, RuleErrorCode.EMAIL_RECIPIENT_REQUIRED));
                } else if (a.recipient() == Recipient.ADDRESS && (a.address() == null || !EMAIL.matcher(a.address().strip()).matches())) {
                    errors.add(RuleError.of(name, RuleErrorCode.EMAIL_ADDRESS_INVALID, a.address()));
                } else if (a.recipient() == Recipient.RECORD && (trigger.recordType() == RecordType.ACTIVITY
                        || trigger.recordType() == RecordType.USER)) {
                    errors.add(RuleError.of(name, RuleErrorCode.NO_CUSTOMER_TO_WRITE_TO, trigger.recordType()));
                }
                requireText(name, a.subject(), RuleErrorCode.EMAIL_SUBJECT_REQUIRED, 200, errors);
                requireText(name, a.body(), RuleErrorCode.EMAIL_BODY_REQUIRED, 20000, errors);
            }
            case CHANGE_STATUS -> {
                if (a.status() == null || a.status().isBlank()) {
                    errors.add(RuleError.of(name, RuleErrorCode.STATUS_REQUIRED));
                } else if (trigger.recordType() == RecordType.LEAD) {
                    checkLeadStatus(name, a.status(), errors);
                } else if (trigger.recordType() != RecordType.OPPORTUNITY && trigger.recordType() != RecordType.QUOTE) {
                    errors.add(RuleError.of(name, RuleErrorCode.STATUS_CHANGE_NOT_ALLOWED, trigger.recordType()));
                }
            }
            case REASSIGN_TASKS -> {
                if (trigger != Trigger.USER_ABSENT) {
                    errors.add(RuleError.of(name, RuleErrorCode.REASSIGN_ONLY_ON_ABSENCE));
                }
                checkAssignee(name, a.assignee(), false, errors);
            }
        }
    }

    private static void checkLeadStatus(String name, String status, List<RuleError> errors) {
        try {
            LeadStatus s = LeadStatus.valueOf(status.strip());
            if (s == LeadStatus.CONVERTED) {
                errors.add(RuleError.of(name, RuleErrorCode.CONVERSION_NOT_AUTOMATIC));
            }
        } catch (IllegalArgumentException e) {
            errors.add(RuleError.of(name, RuleErrorCode.UNKNOWN_LEAD_STATUS, status));
        }
    }

    private static void checkAssignee(String name, Assignee a, boolean forLead, List<RuleError> errors) {
        if (a == null || a.kind() == null) {
            if (forLead) {
                errors.add(RuleError.of(name, RuleErrorCode.ASSIGNEE_REQUIRED));
            }
            return;
        }
        switch (a.kind()) {
            case USER -> {
                if (a.userId() == null) {
                    errors.add(RuleError.of(name, RuleErrorCode.USER_REQUIRED));
                }
            }
            case ROUND_ROBIN, LEAST_LOADED -> {
                if (forLead && a.teamId() == null) {
                    errors.add(RuleError.of(name, RuleErrorCode.TEAM_REQUIRED, a.kind()));
                }
                if ((a.leadWeight() != null && a.leadWeight() < 0) || (a.dealWeight() != null && a.dealWeight() < 0)) {
                    errors.add(RuleError.of(name, RuleErrorCode.NEGATIVE_WEIGHT));
                }
            }
            case TERRITORY -> {
                if (a.territories().isEmpty()) {
                    errors.add(RuleError.of(name, RuleErrorCode.TERRITORY_TABLE_EMPTY));
                }
                for (Territory t : a.territories()) {
                    boolean province = t.province() != null && !t.province().isBlank();
                    boolean range = t.postcodeFrom() != null && t.postcodeTo() != null;
                    if (t.userId() == null || (!province && !range)) {
                        errors.add(RuleError.of(name, RuleErrorCode.TERRITORY_INCOMPLETE));
                    } else if (range && (t.postcodeFrom().strip().length() != t.postcodeTo().strip().length()
                            || t.postcodeFrom().strip().compareTo(t.postcodeTo().strip()) > 0)) {
                        errors.add(RuleError.of(name, RuleErrorCode.POSTCODE_RANGE_EMPTY, t.postcodeFrom(), t.postcodeTo()));
                    }
                }
            }
            case RETURNING_CUSTOMER -> {
                if (!forLead) {
                    errors.add(RuleError.of(name, RuleErrorCode.RETURNING_CUSTOMER_LEADS_ONLY));
                }
            }
            case RECORD_OWNER -> {
                if (forLead) {
                    errors.add(RuleError.of(name, RuleErrorCode.NEW_LEAD_HAS_NO_OWNER));
                }
            }
        }
    }

    private static void checkCriteria(String name, RecordType type, List<Criterion> criteria, List<RuleError> errors) {
        for (Criterion c : criteria) {
            if (c == null) {
                errors.add(RuleError.of(name, RuleErrorCode.EMPTY_CRITERION));
                continue;
            }
            var fieldProblem = Fields.problem(type, c.field());
            if (fieldProblem.isPresent()) {
                errors.add(new RuleError(name, fieldProblem.get().code(), fieldProblem.get().args()));
                continue;
            }
            if (c.operator() == null) {
                errors.add(RuleError.of(name, RuleErrorCode.OPERATOR_REQUIRED, new Reason.Field(c.field())));
                continue;
            }
            int n = c.values().size();
            boolean countOk = switch (c.operator()) {
                case EQUALS, CONTAINS -> n == 1;
                case IN -> n >= 1;
                case BETWEEN -> n == 2;
                case IS_EMPTY -> n == 0;
            };
            if (!countOk) {
                Reason.Field field = new Reason.Field(c.field());
                errors.add(switch (c.operator()) {
                    case EQUALS, CONTAINS -> RuleError.of(name, RuleErrorCode.ONE_VALUE_EXPECTED, c.operator(), field, n);
                    case IN -> RuleError.of(name, RuleErrorCode.VALUES_EXPECTED, c.operator(), field);
                    case BETWEEN -> RuleError.of(name, RuleErrorCode.TWO_VALUES_EXPECTED, c.operator(), field, n);
                    case IS_EMPTY -> RuleError.of(name, RuleErrorCode.NO_VALUES_EXPECTED, c.operator(), field, n);
                });
                continue;
            }
            if (c.values().stream().anyMatch(v -> v == null || v.isBlank())) {
                errors.add(RuleError.of(name, RuleErrorCode.BLANK_VALUE, new Reason.Field(c.field())));
                continue;
            }
            if (Fields.isNumeric(c.field()) && c.operator() != Operator.CONTAINS
                    && c.values().stream().anyMatch(v -> CompiledCriterion.parse(v.strip()) == null)) {
                errors.add(RuleError.of(name, RuleErrorCode.NOT_A_NUMBER, new Reason.Field(c.field()), c.values()));
                continue;
            }
            if (c.operator() == Operator.BETWEEN) {
                String from = c.values().get(0).strip();
                String to = c.values().get(1).strip();
                boolean empty = Fields.isNumeric(c.field())
                        ? CompiledCriterion.parse(from).compareTo(CompiledCriterion.parse(to)) > 0
                        : from.length() != to.length() || from.compareToIgnoreCase(to) > 0;
                if (empty) {
                    errors.add(RuleError.of(name, RuleErrorCode.EMPTY_RANGE, new Reason.Field(c.field()), from, to));
                }
            }
        }
    }

    private static void requireText(String name, String text, RuleErrorCode problem, int max, List<RuleError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(RuleError.of(name, problem));
        } else if (text.length() > max) {
            errors.add(RuleError.of(name, RuleErrorCode.TEXT_TOO_LONG, max));
        }
    }

    private static String name(String raw, List<RuleError> errors, Set<String> seen) {
        String name = display(raw);
        if (raw == null || raw.isBlank()) {
            errors.add(RuleError.of(name, RuleErrorCode.NAME_REQUIRED));
        } else if (raw.length() > 200) {
            errors.add(RuleError.of(name, RuleErrorCode.NAME_TOO_LONG, 200));
        } else if (!seen.add(raw.strip())) {
            errors.add(RuleError.of(name, RuleErrorCode.DUPLICATE_NAME));
        }
        return name;
    }

    static String display(String raw) {
        return raw == null || raw.isBlank() ? RuleError.UNNAMED : raw.strip();
    }
}
