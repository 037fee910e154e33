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
import dev.cartera.rules.RuleError;
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
            errors.add(new RuleError("(rule set)", "no rules"));
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
            errors.add(new RuleError("(rule set)", "an assignment rule set needs at least its fallback rule"));
            return;
        }
        Set<String> names = new HashSet<>();
        for (AssignmentRule r : rules) {
            String name = name(r.name(), errors, names);
            checkCriteria(name, RecordType.LEAD, r.criteria(), errors);
            checkAssignee(name, r.assignTo(), true, errors);
        }
        if (!rules.get(rules.size() - 1).criteria().isEmpty()) {
            errors.add(new RuleError(display(rules.get(rules.size() - 1).name()),
                    "the last rule is the fallback and must have no criteria, so every lead gets an owner"));
        }
    }

    private static void checkAutomation(List<AutomationRule> rules, List<RuleError> errors) {
        Set<String> names = new HashSet<>();
        for (AutomationRule r : rules) {
            String name = name(r.name(), errors, names);
            if (r.trigger() == null) {
                errors.add(new RuleError(name, "no trigger"));
                continue;
            }
            if (r.trigger() == Trigger.CUSTOMER_NOT_CONTACTED && (r.days() == null || r.days() < 1)) {
                errors.add(new RuleError(name, "'not contacted' needs a number of days of at least 1"));
            }
            if (r.trigger() == Trigger.QUOTE_UNANSWERED && (r.days() == null || r.days() < 1)) {
                errors.add(new RuleError(name, "'quote unanswered' needs a number of days of at least 1"));
            }
            if (r.trigger() == Trigger.QUOTE_EXPIRING && r.days() == null) {
                errors.add(new RuleError(name, "'quote expiring' needs a number of days (0 is its last valid day)"));
            }
            if (r.days() != null && r.days() < 0) {
                errors.add(new RuleError(name, "days cannot be negative"));
            }
            checkCriteria(name, r.trigger().recordType(), r.criteria(), errors);
            if (r.actions().isEmpty()) {
                errors.add(new RuleError(name, "no actions"));
            }
            for (RuleAction a : r.actions()) {
                checkAction(name, r.trigger(), a, errors);
            }
        }
    }

    private static void checkAction(String name, Trigger trigger, RuleAction a, List<RuleError> errors) {
        if (a == null || a.kind() == null) {
            errors.add(new RuleError(name, "an action has no kind"));
            return;
        }
        if (trigger == Trigger.USER_ABSENT && !ABSENCE_ACTIONS.contains(a.kind())) {
            errors.add(new RuleError(name, "an absence rule can reassign tasks, raise an alert or send an e-mail, not " + a.kind()));
        }
        switch (a.kind()) {
            case CREATE_TASK -> {
                if (a.taskType() == null) {
                    errors.add(new RuleError(name, "a task needs a type"));
                }
                requireText(name, a.title(), "a task needs a title", 200, errors);
                if (a.dueInDays() != null && a.dueInDays() < 0) {
                    errors.add(new RuleError(name, "a task cannot be due in the past"));
                }
                checkAssignee(name, a.assignee(), false, errors);
            }
            case RAISE_ALERT -> {
                if (a.alertKind() == null) {
                    errors.add(new RuleError(name, "an alert needs a kind"));
                }
                requireText(name, a.title(), "an alert needs a message", 1000, errors);
                checkAssignee(name, a.assignee(), false, errors);
            }
            case SEND_EMAIL -> {
                if (a.recipient() == null) {
                    errors.add(new RuleError(name, "an e-mail needs a recipient"));
                } else if (a.recipient() == Recipient.ADDRESS && (a.address() == null || !EMAIL.matcher(a.address().strip()).matches())) {
                    errors.add(new RuleError(name, "'" + a.address() + "' is not an e-mail address"));
                } else if (a.recipient() == Recipient.RECORD && (trigger.recordType() == RecordType.ACTIVITY
                        || trigger.recordType() == RecordType.USER)) {
                    errors.add(new RuleError(name, "a " + trigger.recordType().name().toLowerCase() + " has no customer to write to"));
                }
                requireText(name, a.subject(), "an e-mail needs a subject", 200, errors);
                requireText(name, a.body(), "an e-mail needs a body", 20000, errors);
            }
            case CHANGE_STATUS -> {
                if (a.status() == null || a.status().isBlank()) {
                    errors.add(new RuleError(name, "no status or stage to change to"));
                } else if (trigger.recordType() == RecordType.LEAD) {
                    checkLeadStatus(name, a.status(), errors);
                } else if (trigger.recordType() != RecordType.OPPORTUNITY && trigger.recordType() != RecordType.QUOTE) {
                    errors.add(new RuleError(name, "only leads and deals (also a quote's deal) change status by rule"));
                }
            }
            case REASSIGN_TASKS -> {
                if (trigger != Trigger.USER_ABSENT) {
                    errors.add(new RuleError(name, "tasks are reassigned on an absence only"));
                }
                checkAssignee(name, a.assignee(), false, errors);
            }
        }
    }

    private static void checkLeadStatus(String name, String status, List<RuleError> errors) {
        try {
            LeadStatus s = LeadStatus.valueOf(status.strip());
            if (s == LeadStatus.CONVERTED) {
                errors.add(new RuleError(name, "conversion creates records and is never automatic"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new RuleError(name, "unknown lead status '" + status + "'"));
        }
    }

    private static void checkAssignee(String name, Assignee a, boolean forLead, List<RuleError> errors) {
        if (a == null || a.kind() == null) {
            if (forLead) {
                errors.add(new RuleError(name, "no assignee"));
            }
            return;
        }
        switch (a.kind()) {
            case USER -> {
                if (a.userId() == null) {
                    errors.add(new RuleError(name, "assign to a user needs the user"));
                }
            }
            case ROUND_ROBIN, LEAST_LOADED -> {
                if (forLead && a.teamId() == null) {
                    errors.add(new RuleError(name, a.kind() + " needs a team"));
                }
                if ((a.leadWeight() != null && a.leadWeight() < 0) || (a.dealWeight() != null && a.dealWeight() < 0)) {
                    errors.add(new RuleError(name, "load weights cannot be negative"));
                }
            }
            case TERRITORY -> {
                if (a.territories().isEmpty()) {
                    errors.add(new RuleError(name, "the territory table is empty"));
                }
                for (Territory t : a.territories()) {
                    boolean province = t.province() != null && !t.province().isBlank();
                    boolean range = t.postcodeFrom() != null && t.postcodeTo() != null;
                    if (t.userId() == null || (!province && !range)) {
                        errors.add(new RuleError(name, "each territory needs a user and a province or a postcode range"));
                    } else if (range && (t.postcodeFrom().strip().length() != t.postcodeTo().strip().length()
                            || t.postcodeFrom().strip().compareTo(t.postcodeTo().strip()) > 0)) {
                        errors.add(new RuleError(name, "postcode range " + t.postcodeFrom() + "–" + t.postcodeTo() + " is empty"));
                    }
                }
            }
            case RETURNING_CUSTOMER -> {
                if (!forLead) {
                    errors.add(new RuleError(name, "the returning customer's owner is for leads only"));
                }
            }
            case RECORD_OWNER -> {
                if (forLead) {
                    errors.add(new RuleError(name, "a new lead has no owner yet"));
                }
            }
        }
    }

    private static void checkCriteria(String name, RecordType type, List<Criterion> criteria, List<RuleError> errors) {
        for (Criterion c : criteria) {
            if (c == null) {
                errors.add(new RuleError(name, "empty criterion"));
                continue;
            }
            var fieldProblem = Fields.problem(type, c.field());
            if (fieldProblem.isPresent()) {
                errors.add(new RuleError(name, fieldProblem.get()));
                continue;
            }
            if (c.operator() == null) {
                errors.add(new RuleError(name, "criterion on '" + c.field() + "' has no operator"));
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
                errors.add(new RuleError(name, c.operator() + " on '" + c.field() + "' takes "
                        + switch (c.operator()) {
                            case EQUALS, CONTAINS -> "one value";
                            case IN -> "one or more values";
                            case BETWEEN -> "two values (from, to)";
                            case IS_EMPTY -> "no values";
                        } + ", got " + n));
                continue;
            }
            if (c.values().stream().anyMatch(v -> v == null || v.isBlank())) {
                errors.add(new RuleError(name, "criterion on '" + c.field() + "' has a blank value"));
                continue;
            }
            if (Fields.isNumeric(c.field()) && c.operator() != Operator.CONTAINS
                    && c.values().stream().anyMatch(v -> CompiledCriterion.parse(v.strip()) == null)) {
                errors.add(new RuleError(name, "'" + c.field() + "' is a number; " + c.values() + " is not"));
                continue;
            }
            if (c.operator() == Operator.BETWEEN) {
                String from = c.values().get(0).strip();
                String to = c.values().get(1).strip();
                boolean empty = Fields.isNumeric(c.field())
                        ? CompiledCriterion.parse(from).compareTo(CompiledCriterion.parse(to)) > 0
                        : from.length() != to.length() || from.compareToIgnoreCase(to) > 0;
                if (empty) {
                    errors.add(new RuleError(name, "range " + from + "–" + to + " on '" + c.field() + "' matches nothing"));
                }
            }
        }
    }

    private static void requireText(String name, String text, String problem, int max, List<RuleError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new RuleError(name, problem));
        } else if (text.length() > max) {
            errors.add(new RuleError(name, "text longer than " + max + " characters"));
        }
    }

    private static String name(String raw, List<RuleError> errors, Set<String> seen) {
        String name = display(raw);
        if (raw == null || raw.isBlank()) {
            errors.add(new RuleError(name, "every rule needs a name"));
        } else if (raw.length() > 200) {
            errors.add(new RuleError(name, "names are at most 200 characters"));
        } else if (!seen.add(raw.strip())) {
            errors.add(new RuleError(name, "two rules share this name"));
        }
        return name;
    }

    static String display(String raw) {
        return raw == null || raw.isBlank() ? "(unnamed rule)" : raw.strip();
    }
}
