package dev.cartera.spring.ui;

import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.Severity;
import dev.cartera.rules.ActionKind;
import dev.cartera.rules.Assignee;
import dev.cartera.rules.AssigneeKind;
import dev.cartera.rules.AssignmentRule;
import dev.cartera.rules.AutomationRule;
import dev.cartera.rules.Criterion;
import dev.cartera.rules.Operator;
import dev.cartera.rules.Recipient;
import dev.cartera.rules.RuleAction;
import dev.cartera.rules.RuleFields;
import dev.cartera.rules.RuleSetContent;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.Territory;
import dev.cartera.rules.Trigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The criteria builder's form: a rule set's rules as plain strings, so any half-typed state binds and round-trips
 * (a wrong number or an unknown choice becomes empty and shows up in validation, never as a binding error). For
 * assignment the last rule is the fallback: it has no criteria and new rules go in before it.
 */
public class RuleSetForm {
    static final String CUSTOM_FIELD = "custom";

    private List<RuleRow> rules = new ArrayList<>();
    private String comment;
    private String revision;

    public static RuleSetForm of(RuleSetKind kind, RuleSetContent content, String comment, long revision) {
        RuleSetForm form = new RuleSetForm();
        form.comment = comment;
        form.revision = Long.toString(revision);
        if (kind == RuleSetKind.ASSIGNMENT) {
            content.assignment().forEach(r -> form.rules.add(RuleRow.of(r)));
            form.ensureFallback();
        } else {
            content.automation().forEach(r -> form.rules.add(RuleRow.of(r)));
        }
        return form;
    }

    /**
     * The rules an admin starts from when a set has no version yet: nothing (automation), or only the fallback
     * (assignment), which sends a returning customer back to their rep and otherwise leaves the lead with whoever
     * created it, as before any rule existed.
     */
    static RuleSetContent starter(RuleSetKind kind) {
        if (kind == RuleSetKind.AUTOMATION) {
            return RuleSetContent.automation(List.of());
        }
        return RuleSetContent.assignment(List.of(new AssignmentRule(RuleRow.FALLBACK_NAME, List.of(), Assignee.returningCustomer())));
    }

    /** The last rule of an assignment set has no criteria; one is added if the stored rules lack it. */
    void ensureFallback() {
        rules.removeIf(Objects::isNull);
        if (rules.isEmpty() || !rules.get(rules.size() - 1).criteria().isEmpty()) {
            RuleRow fallback = new RuleRow();
            fallback.setName(RuleRow.FALLBACK_NAME);
            fallback.getAssignee().setKind(AssigneeKind.RETURNING_CUSTOMER.name());
            rules.add(fallback);
        }
    }

    public RuleSetContent toContent(RuleSetKind kind) {
        List<RuleRow> rows = rules.stream().filter(Objects::nonNull).toList();
        if (kind == RuleSetKind.ASSIGNMENT) {
            return RuleSetContent.assignment(rows.stream().map(RuleRow::toAssignment).toList());
        }
        return RuleSetContent.automation(rows.stream().map(RuleRow::toAutomation).toList());
    }

    /**
     * Applies one button of the builder: {@code ADD_RULE}, {@code REMOVE_RULE_i}, {@code UP_i}, {@code DOWN_i},
     * {@code ADD_CRITERION_i}, {@code REMOVE_CRITERION_i_j}, {@code ADD_TERRITORY_i}, {@code REMOVE_TERRITORY_i_j},
     * {@code ADD_ACTION_i}, {@code REMOVE_ACTION_i_j}. Anything else (save, validate, a changed choice) edits nothing.
     */
    void apply(RuleSetKind kind, String op) {
        rules.removeIf(Objects::isNull);
        if (op == null) {
            return;
        }
        boolean assignment = kind == RuleSetKind.ASSIGNMENT;
        int movable = assignment ? rules.size() - 1 : rules.size();
        String[] parts = op.split("_");
        int[] n = Arrays.stream(parts).filter(p -> p.matches("\\d{1,4}")).mapToInt(Integer::parseInt).toArray();
        String verb = Arrays.stream(parts).filter(p -> !p.matches("\\d+")).collect(Collectors.joining("_"));
        switch (verb) {
            case "ADD_RULE" -> {
                RuleRow row = new RuleRow();
                if (assignment) {
                    row.getCriteria().add(new CriterionRow());
                    rules.add(Math.max(0, movable), row);
                } else {
                    row.setTrigger(Trigger.values()[0].name());
                    row.getActions().add(new ActionRow());
                    rules.add(row);
                }
            }
            case "REMOVE_RULE" -> {
                if (n.length == 1 && n[0] < movable) {
                    rules.remove(n[0]);
                }
            }
            case "UP" -> {
                if (n.length == 1 && n[0] > 0 && n[0] < movable) {
                    rules.add(n[0] - 1, rules.remove(n[0]));
                }
            }
            case "DOWN" -> {
                if (n.length == 1 && n[0] + 1 < movable) {
                    rules.add(n[0] + 1, rules.remove(n[0]));
                }
            }
            case "ADD_CRITERION" -> rule(n).ifPresent(r -> r.getCriteria().add(new CriterionRow()));
            case "REMOVE_CRITERION" -> rule(n).ifPresent(r -> removeAt(r.getCriteria(), n));
            case "ADD_TERRITORY" -> rule(n).ifPresent(r -> r.getAssignee().getTerritories().add(new TerritoryRow()));
            case "REMOVE_TERRITORY" -> rule(n).ifPresent(r -> removeAt(r.getAssignee().getTerritories(), n));
            case "ADD_ACTION" -> rule(n).ifPresent(r -> r.getActions().add(new ActionRow()));
            case "REMOVE_ACTION" -> rule(n).ifPresent(r -> removeAt(r.getActions(), n));
            default -> {
                // save, validate, or a choice that changes which inputs show: nothing to rearrange
            }
        }
        if (assignment) {
            ensureFallback();
        }
    }

    private java.util.Optional<RuleRow> rule(int[] n) {
        return n.length >= 1 && n[0] < rules.size() ? java.util.Optional.of(rules.get(n[0])) : java.util.Optional.empty();
    }

    private static void removeAt(List<?> list, int[] n) {
        if (n.length == 2 && n[1] < list.size()) {
            list.remove(n[1]);
        }
    }

    public List<RuleRow> getRules() {
        return rules;
    }

    public void setRules(List<RuleRow> rules) {
        this.rules = rules == null ? new ArrayList<>() : rules;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    Long expectedRevision() {
        try {
            return revision == null || revision.isBlank() ? null : Long.valueOf(revision.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One rule: a name, criteria, and either an assignee (assignment) or a trigger and actions (automation). */
    public static class RuleRow {
        static final String FALLBACK_NAME = "Resto";

        private String name;
        private List<CriterionRow> criteria = new ArrayList<>();
        private AssigneeRow assignee = new AssigneeRow();
        private String trigger;
        private String days;
        private List<ActionRow> actions = new ArrayList<>();

        static RuleRow of(AssignmentRule rule) {
            RuleRow row = new RuleRow();
            row.name = rule.name();
            rule.criteria().forEach(c -> row.criteria.add(CriterionRow.of(c)));
            row.assignee = AssigneeRow.of(rule.assignTo());
            return row;
        }

        static RuleRow of(AutomationRule rule) {
            RuleRow row = new RuleRow();
            row.name = rule.name();
            row.trigger = rule.trigger() == null ? null : rule.trigger().name();
            row.days = rule.days() == null ? null : rule.days().toString();
            rule.criteria().forEach(c -> row.criteria.add(CriterionRow.of(c)));
            rule.actions().forEach(a -> row.actions.add(ActionRow.of(a)));
            return row;
        }

        AssignmentRule toAssignment() {
            return new AssignmentRule(trim(name), criteria(), assignee.toAssignee());
        }

        AutomationRule toAutomation() {
            return new AutomationRule(trim(name), parse(Trigger.class, trigger), number(days), criteria(),
                    actions.stream().filter(Objects::nonNull).map(ActionRow::toAction).toList());
        }

        List<Criterion> criteria() {
            return criteria.stream().filter(Objects::nonNull).filter(c -> !c.isBlank()).map(CriterionRow::toCriterion).toList();
        }

        /** The trigger as the enum, or null; for the field list and the days input. */
        public Trigger triggerValue() {
            return parse(Trigger.class, trigger);
        }

        /** The fields its criteria may name: lead fields for assignment, the trigger's record fields for automation. */
        public List<String> fields(boolean assignment) {
            Trigger t = triggerValue();
            return assignment || t == null ? RuleFields.of(dev.cartera.core.common.RecordType.LEAD) : RuleFields.of(t);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<CriterionRow> getCriteria() {
            return criteria;
        }

        public void setCriteria(List<CriterionRow> criteria) {
            this.criteria = criteria == null ? new ArrayList<>() : criteria;
        }

        public AssigneeRow getAssignee() {
            return assignee;
        }

        public void setAssignee(AssigneeRow assignee) {
            this.assignee = assignee == null ? new AssigneeRow() : assignee;
        }

        public String getTrigger() {
            return trigger;
        }

        public void setTrigger(String trigger) {
            this.trigger = trigger;
        }

        public String getDays() {
            return days;
        }

        public void setDays(String days) {
            this.days = days;
        }

        public List<ActionRow> getActions() {
            return actions;
        }

        public void setActions(List<ActionRow> actions) {
            this.actions = actions == null ? new ArrayList<>() : actions;
        }
    }

    /** Field, operator and values; values are typed comma-separated ("Barcelona, Girona"; "08000, 08999"). */
    public static class CriterionRow {
        private String field;
        private String customKey;
        private String operator = Operator.EQUALS.name();
        private String values;

        static CriterionRow of(Criterion c) {
            CriterionRow row = new CriterionRow();
            if (c.field() != null && c.field().startsWith(RuleFields.CUSTOM_PREFIX)) {
                row.field = CUSTOM_FIELD;
                row.customKey = c.field().substring(RuleFields.CUSTOM_PREFIX.length());
            } else {
                row.field = c.field();
            }
            row.operator = c.operator() == null ? null : c.operator().name();
            row.values = String.join(", ", c.values());
            return row;
        }

        boolean isBlank() {
            return (field == null || field.isBlank()) && (values == null || values.isBlank());
        }

        Criterion toCriterion() {
            String f = CUSTOM_FIELD.equals(field) ? RuleFields.CUSTOM_PREFIX + (customKey == null ? "" : customKey.strip()) : trim(field);
            List<String> list = values == null ? List.of()
                    : Arrays.stream(values.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            return new Criterion(f, parse(Operator.class, operator), list);
        }

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field;
        }

        public String getCustomKey() {
            return customKey;
        }

        public void setCustomKey(String customKey) {
            this.customKey = customKey;
        }

        public String getOperator() {
            return operator;
        }

        public void setOperator(String operator) {
            this.operator = operator;
        }

        public String getValues() {
            return values;
        }

        public void setValues(String values) {
            this.values = values;
        }
    }

    /** Who gets it: the kind and the inputs that kind needs (a user, a team, weights, a territory table). */
    public static class AssigneeRow {
        private String kind;
        private String userId;
        private String teamId;
        private String leadWeight;
        private String dealWeight;
        private List<TerritoryRow> territories = new ArrayList<>();

        static AssigneeRow of(Assignee a) {
            AssigneeRow row = new AssigneeRow();
            if (a == null) {
                return row;
            }
            row.kind = a.kind() == null ? null : a.kind().name();
            row.userId = a.userId() == null ? null : a.userId().toString();
            row.teamId = a.teamId() == null ? null : a.teamId().toString();
            row.leadWeight = a.leadWeight() == null ? null : a.leadWeight().toString();
            row.dealWeight = a.dealWeight() == null ? null : a.dealWeight().toString();
            a.territories().forEach(t -> row.territories.add(TerritoryRow.of(t)));
            return row;
        }

        Assignee toAssignee() {
            AssigneeKind k = parse(AssigneeKind.class, kind);
            if (k == null) {
                return null;
            }
            return new Assignee(k, k == AssigneeKind.USER ? uuid(userId) : null,
                    k == AssigneeKind.ROUND_ROBIN || k == AssigneeKind.LEAST_LOADED ? uuid(teamId) : null,
                    k == AssigneeKind.LEAST_LOADED ? number(leadWeight) : null, k == AssigneeKind.LEAST_LOADED ? number(dealWeight) : null,
                    k == AssigneeKind.TERRITORY ? territories.stream().filter(Objects::nonNull).map(TerritoryRow::toTerritory).toList() : null);
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getUserId() {
            return userId;
        }

        public void setUserId(String userId) {
            this.userId = userId;
        }

        public String getTeamId() {
            return teamId;
        }

        public void setTeamId(String teamId) {
            this.teamId = teamId;
        }

        public String getLeadWeight() {
            return leadWeight;
        }

        public void setLeadWeight(String leadWeight) {
            this.leadWeight = leadWeight;
        }

        public String getDealWeight() {
            return dealWeight;
        }

        public void setDealWeight(String dealWeight) {
            this.dealWeight = dealWeight;
        }

        public List<TerritoryRow> getTerritories() {
            return territories;
        }

        public void setTerritories(List<TerritoryRow> territories) {
            this.territories = territories == null ? new ArrayList<>() : territories;
        }
    }

    /** A line of a territory table: province and/or postcode range → user. */
    public static class TerritoryRow {
        private String province;
        private String postcodeFrom;
        private String postcodeTo;
        private String userId;

        static TerritoryRow of(Territory t) {
            TerritoryRow row = new TerritoryRow();
            row.province = t.province();
            row.postcodeFrom = t.postcodeFrom();
            row.postcodeTo = t.postcodeTo();
            row.userId = t.userId() == null ? null : t.userId().toString();
            return row;
        }

        Territory toTerritory() {
            return new Territory(trim(province), trim(postcodeFrom), trim(postcodeTo), uuid(userId));
        }

        public String getProvince() {
            return province;
        }

        public void setProvince(String province) {
            this.province = province;
        }

        public String getPostcodeFrom() {
            return postcodeFrom;
        }

        public void setPostcodeFrom(String postcodeFrom) {
            this.postcodeFrom = postcodeFrom;
        }

        public String getPostcodeTo() {
            return postcodeTo;
        }

        public void setPostcodeTo(String postcodeTo) {
            this.postcodeTo = postcodeTo;
        }

        public String getUserId() {
            return userId;
        }

        public void setUserId(String userId) {
            this.userId = userId;
        }
    }

    /** An automation action; which inputs matter depends on its kind. */
    public static class ActionRow {
        private String kind = ActionKind.CREATE_TASK.name();
        private String taskType = ActivityType.CALL.name();
        private String title;
        private String dueInDays;
        private AssigneeRow assignee = new AssigneeRow();
        private String alertKind;
        private String severity;
        private String recipient;
        private String address;
        private String subject;
        private String body;
        private String status;

        ActionRow() {
            assignee.setKind(AssigneeKind.RECORD_OWNER.name());
        }

        static ActionRow of(RuleAction a) {
            ActionRow row = new ActionRow();
            row.kind = name(a.kind());
            row.taskType = name(a.taskType());
            row.title = a.title();
            row.dueInDays = a.dueInDays() == null ? null : a.dueInDays().toString();
            row.assignee = a.assignee() == null ? new AssigneeRow() : AssigneeRow.of(a.assignee());
            row.alertKind = name(a.alertKind());
            row.severity = name(a.severity());
            row.recipient = name(a.recipient());
            row.address = a.address();
            row.subject = a.subject();
            row.body = a.body();
            row.status = a.status();
            return row;
        }

        RuleAction toAction() {
            ActionKind k = parse(ActionKind.class, kind);
            boolean task = k == ActionKind.CREATE_TASK;
            boolean alert = k == ActionKind.RAISE_ALERT;
            boolean email = k == ActionKind.SEND_EMAIL;
            return new RuleAction(k, task ? parse(ActivityType.class, taskType) : null, task || alert ? trim(title) : null,
                    task ? number(dueInDays) : null,
                    task || k == ActionKind.REASSIGN_TASKS ? assignee.toAssignee() : null,
                    alert ? parse(AlertKind.class, alertKind) : null, alert ? parse(Severity.class, severity) : null,
                    email ? parse(Recipient.class, recipient) : null, email ? trim(address) : null, email ? trim(subject) : null,
                    email ? trim(body) : null, k == ActionKind.CHANGE_STATUS ? trim(status) : null);
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getTaskType() {
            return taskType;
        }

        public void setTaskType(String taskType) {
            this.taskType = taskType;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getDueInDays() {
            return dueInDays;
        }

        public void setDueInDays(String dueInDays) {
            this.dueInDays = dueInDays;
        }

        public AssigneeRow getAssignee() {
            return assignee;
        }

        public void setAssignee(AssigneeRow assignee) {
            this.assignee = assignee == null ? new AssigneeRow() : assignee;
        }

        public String getAlertKind() {
            return alertKind;
        }

        public void setAlertKind(String alertKind) {
            this.alertKind = alertKind;
        }

        public String getSeverity() {
            return severity;
        }

        public void setSeverity(String severity) {
            this.severity = severity;
        }

        public String getRecipient() {
            return recipient;
        }

        public void setRecipient(String recipient) {
            this.recipient = recipient;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Integer number(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
