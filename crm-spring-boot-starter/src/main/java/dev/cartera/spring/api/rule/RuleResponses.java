package dev.cartera.spring.api.rule;

import dev.cartera.core.common.RecordType;
import dev.cartera.rules.ActionKind;
import dev.cartera.rules.PlannedAction;
import dev.cartera.rules.RuleExecutionView;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.SimulatedRecord;
import dev.cartera.rules.SimulationReport;
import dev.cartera.spring.api.rule.RuleTexts.ReasonDto;
import dev.cartera.spring.ui.CarteraMessages;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The rules API's answers that carry reasons: each reason with its code, arguments and a message in the reader's language. */
public final class RuleResponses {
    static final Locale DEFAULT = Locale.forLanguageTag("es");

    private RuleResponses() {
    }

    /** The first of Spanish, Catalan and English the Accept-Language header asks for; Spanish without one. */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), CarteraMessages.LANGUAGES);
            return tag == null ? DEFAULT : Locale.forLanguageTag(tag);
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    /** The simulator's answer: per record, the matched rules, the decision, the planned actions and why. */
    public record Simulation(UUID versionId, RuleSetKind kind, List<Record> records) {
        static Simulation of(SimulationReport report, RuleTexts texts, Locale locale) {
            return new Simulation(report.versionId(), report.kind(), report.records().stream().map(r -> Record.of(r, texts, locale)).toList());
        }
    }

    public record Record(String label, UUID recordId, List<String> matchedRules, String decidedBy, UUID assigneeId,
            String assigneeUsername, List<Action> actions, List<ReasonDto> reasons) {
        static Record of(SimulatedRecord r, RuleTexts texts, Locale locale) {
            return new Record(r.label(), r.recordId(), r.matchedRules(), r.decidedBy(), r.assigneeId(), r.assigneeUsername(),
                    r.actions().stream().map(a -> Action.of(a, texts, locale)).toList(),
                    r.reasons().stream().map(why -> ReasonDto.of(why, texts, locale)).toList());
        }
    }

    /** A planned action; {@code description} is {@code detail.message}, kept under its older name. */
    public record Action(String rule, ActionKind kind, String description, ReasonDto detail, UUID userId, Instant dueAt) {
        static Action of(PlannedAction a, RuleTexts texts, Locale locale) {
            ReasonDto detail = ReasonDto.of(a.detail(), texts, locale);
            return new Action(a.rule(), a.kind(), detail.message(), detail, a.userId(), a.dueAt());
        }
    }

    /**
     * One entry of the history: {@code explanation} says why or what (older entries carry only their English
     * {@code outcome}).
     */
    public record Execution(UUID id, RuleSetKind kind, UUID versionId, String ruleName, String trigger, RecordType recordType,
            UUID recordId, UUID userId, String outcome, List<ReasonDto> explanation, Instant executedAt) {
        static Execution of(RuleExecutionView e, RuleTexts texts, Locale locale) {
            return new Execution(e.id(), e.kind(), e.versionId(), e.ruleName(), e.trigger(), e.recordType(), e.recordId(), e.userId(),
                    e.outcome(), e.explanation().stream().map(r -> ReasonDto.of(r, texts, locale)).toList(), e.executedAt());
        }
    }
}
