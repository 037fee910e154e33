package dev.cartera.rules.internal;

import dev.cartera.core.Cartera;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityService;
import dev.cartera.core.activity.Priority;
import dev.cartera.core.alert.AlertDraft;
import dev.cartera.core.alert.AlertService;
import dev.cartera.core.alert.Severity;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.Lead;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.opportunity.Opportunity;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.Stage;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.core.spi.Mailer;
import dev.cartera.rules.ActionKind;
import dev.cartera.rules.AutomationRule;
import dev.cartera.rules.PlannedAction;
import dev.cartera.rules.Reason;
import dev.cartera.rules.ReasonCode;
import dev.cartera.rules.Recipient;
import dev.cartera.rules.RuleAction;
import dev.cartera.rules.RuleSetKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries out (live) or describes (simulated) the actions of one matched automation rule on one record. Live,
 * everything happens in the caller's unit of work as the tenant's system actor; e-mails are only collected, to be
 * sent once that unit has committed.
 */
public final class AutomationEngine {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.]*)}");
    private static final Set<RecordType> TASK_RELATED = EnumSet.of(RecordType.LEAD, RecordType.OPPORTUNITY, RecordType.ACCOUNT);

    private final Cartera cartera;

    public AutomationEngine(Cartera cartera) {
        this.cartera = cartera;
    }

    /** Runs rule {@code index}'s actions; {@code work} is null in a simulation, which then writes nothing. */
    public List<PlannedAction> apply(UnitOfWork work, CompiledRuleSet rules, int index, Facts.Subject subject,
            AssignmentContext ctx, Instant now, List<Mailer.Message> mails, List<Reason> reasons, String dedupeKey) {
        AutomationRule rule = rules.content().automation().get(index);
        String name = rules.ruleName(index);
        reasons.add(rule.criteria().isEmpty() ? Reason.of(ReasonCode.AUTOMATION_MATCHED_ALWAYS, name, rule.trigger())
                : Reason.of(ReasonCode.AUTOMATION_MATCHED, name, rule.trigger(), rule.criteria()));
        List<PlannedAction> done = new ArrayList<>();
        for (RuleAction action : rule.actions()) {
            act(work, name, action, subject, ctx, now, mails, reasons).ifPresent(done::add);
        }
        if (work != null) {
            RuleExecutionRecord log = new RuleExecutionRecord();
            log.setKind(RuleSetKind.AUTOMATION.name());
            log.setRuleSetId(rules.ruleSetId());
            log.setVersionId(rules.versionId());
            log.setRuleName(truncate(name, 200));
            log.setTrigger(rule.trigger().name());
            log.setRecordType(subject.target().recordType().name());
            log.setRecordId(subject.target().recordId());
            log.setUserId(subject.target().ownerId());
            log.setDedupeKey(dedupeKey == null ? null : truncate(dedupeKey, 300));
            log.setOutcome(ReasonCodec.write(done.stream().map(PlannedAction::detail).toList(), 2000));
            log.setExecutedAt(now);
            work.em().persist(log);
        }
        return done;
    }

    private Optional<PlannedAction> act(UnitOfWork work, String rule, RuleAction a, Facts.Subject s, AssignmentContext ctx,
            Instant now, List<Mailer.Message> mails, List<Reason> reasons) {
        Facts.Target t = s.target();
        switch (a.kind()) {
            case CREATE_TASK -> {
                Optional<AssigneeResolver.Choice> who = AssigneeResolver.resolve(a.assignee(), s.fact(), ctx, reasons);
                if (who.isEmpty()) {
                    reasons.add(Reason.of(ReasonCode.TASK_SKIPPED, a.title()));
                    return Optional.empty();
                }
                String title = truncate(render(a.title(), s.fact()), 200);
                Instant due = now.plusSeconds(86_400L * (a.dueInDays() == null ? 0 : a.dueInDays()));
                if (work != null) {
                    // A task hangs on the record itself, else on its deal (a quote's), else on its customer.
                    RecordType relatedType = TASK_RELATED.contains(t.recordType()) ? t.recordType()
                            : t.opportunityId() != null ? RecordType.OPPORTUNITY : t.accountId() != null ? RecordType.ACCOUNT : null;
                    UUID relatedId = relatedType == null ? null : relatedType == t.recordType() ? t.recordId()
                            : relatedType == RecordType.OPPORTUNITY ? t.opportunityId() : t.accountId();
                    ActivityService.newActivity(work, new ActivityDraft(a.taskType(), title, "Rule: " + rule,
                            relatedType, relatedId, who.get().userId(), due, null, null,
                            Priority.NORMAL, null, null, false), true);
                }
                return Optional.of(new PlannedAction(rule, ActionKind.CREATE_TASK, Reason.of(ReasonCode.TASK_PLANNED, a.taskType(), title,
                        ctx.name(who.get().userId()), who.get().why()), who.get().userId(), due));
            }
            case RAISE_ALERT -> {
                Optional<AssigneeResolver.Choice> who = AssigneeResolver.resolve(a.assignee(), s.fact(), ctx, reasons);
                if (who.isEmpty()) {
                    reasons.add(Reason.of(ReasonCode.ALERT_SKIPPED));
                    return Optional.empty();
                }
                String message = truncate(render(a.title(), s.fact()), 1000);
                Severity severity = a.severity() == null ? Severity.WARNING : a.severity();
                if (work != null) {
                    AlertService.raise(work, new AlertDraft(a.alertKind(), severity, who.get().userId(), t.recordType(),
                            t.recordId(), t.accountId(), "rules.alert", List.of(message.replace('\n', ' ')),
                            truncate("rule:" + rule + ":" + t.recordId() + ":" + a.alertKind(), 200)));
                }
                return Optional.of(new PlannedAction(rule, ActionKind.RAISE_ALERT, Reason.of(ReasonCode.ALERT_PLANNED, severity, a.alertKind(),
                        message, ctx.name(who.get().userId())), who.get().userId(), null));
            }
            case SEND_EMAIL -> {
                String to = switch (a.recipient()) {
                    case OWNER -> ctx.member(t.ownerId()).map(AssignmentContext.Member::email).orElse(null);
                    case RECORD -> t.customerEmail();
                    case ADDRESS -> a.address().strip();
                };
                if (to == null || to.isBlank()) {
                    reasons.add(Reason.of(ReasonCode.EMAIL_SKIPPED, a.subject(), a.recipient()));
                    return Optional.empty();
                }
                String subject = render(a.subject(), s.fact());
                if (work != null) {
                    mails.add(new Mailer.Message(to, subject, render(a.body(), s.fact()), List.of()));
                }
                return Optional.of(new PlannedAction(rule, ActionKind.SEND_EMAIL, Reason.of(a.recipient() == Recipient.RECORD
                        ? ReasonCode.EMAIL_TO_CUSTOMER_PLANNED : ReasonCode.EMAIL_PLANNED, subject, to),
                        a.recipient() == Recipient.OWNER ? t.ownerId() : null, null));
            }
            case CHANGE_STATUS -> {
                return changeStatus(work, rule, a.status().strip(), t, reasons);
            }
            case REASSIGN_TASKS -> {
                // Carried out by the absence handling, which knows the tasks; here it only shows in simulations.
                return Optional.of(new PlannedAction(rule, ActionKind.REASSIGN_TASKS, Reason.of(ReasonCode.TASKS_HANDED_OVER, t.name()),
                        null, null));
            }
            default -> throw new IllegalStateException(a.kind().name());
        }
    }

    private Optional<PlannedAction> changeStatus(UnitOfWork work, String rule, String status, Facts.Target t, List<Reason> reasons) {
        if (t.recordType() == RecordType.LEAD) {
            LeadStatus to = LeadStatus.valueOf(status);
            if (work != null) {
                Lead lead = work.em().find(Lead.class, t.recordId());
                if (lead.getStatus() == to || lead.getStatus().isFinal()) {
                    reasons.add(Reason.of(ReasonCode.LEAD_STATUS_UNCHANGED, lead.getStatus()));
                    return Optional.empty();
                }
                cartera.leads().changeStatus(t.recordId(), null, to, "Rule: " + rule);
            }
            return Optional.of(new PlannedAction(rule, ActionKind.CHANGE_STATUS, Reason.of(ReasonCode.LEAD_STATUS_PLANNED, to), null, null));
        }
        if (work != null && (t.opportunityId() == null || t.pipelineId() == null)) {
            reasons.add(Reason.of(t.opportunityId() == null ? ReasonCode.NO_DEAL_TO_MOVE : ReasonCode.DEAL_WITHOUT_PIPELINE));
            return Optional.empty();
        }
        if (work != null) {
            Optional<Stage> stage = work.em().createQuery("select s from Stage s where s.pipelineId = :p and lower(s.name) = :n", Stage.class)
                    .setParameter("p", t.pipelineId()).setParameter("n", status.toLowerCase(Locale.ROOT)).getResultStream().findFirst();
            Opportunity o = work.em().find(Opportunity.class, t.opportunityId());
            if (stage.isEmpty()) {
                reasons.add(Reason.of(ReasonCode.NO_SUCH_STAGE, status));
                return Optional.empty();
            }
            if (stage.get().getId().equals(o.getStageId())) {
                reasons.add(Reason.of(ReasonCode.DEAL_ALREADY_IN_STAGE, status));
                return Optional.empty();
            }
            if (t.recordType() != RecordType.OPPORTUNITY && o.getStatus() != OpportunityStatus.OPEN) {
                // A quote's or document's rule never reopens a won or lost deal.
                reasons.add(Reason.of(ReasonCode.DEAL_CLOSED, o.getStatus()));
                return Optional.empty();
            }
            cartera.opportunities().moveToStage(o.getId(), null, stage.get().getId(), "Rule: " + rule);
        }
        return Optional.of(new PlannedAction(rule, ActionKind.CHANGE_STATUS, Reason.of(ReasonCode.STAGE_PLANNED, status), null, null));
    }

    /** Replaces {@code {field}} with the record's value; nothing else in the text has meaning. */
    static String render(String template, RecordFact fact) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fact.value(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
