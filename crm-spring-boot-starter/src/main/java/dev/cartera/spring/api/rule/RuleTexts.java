package dev.cartera.spring.api.rule;

import dev.cartera.core.activity.ActivityStatus;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.Severity;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.quote.QuoteStatus;
import dev.cartera.rules.ActionKind;
import dev.cartera.rules.AssigneeKind;
import dev.cartera.rules.Criterion;
import dev.cartera.rules.Operator;
import dev.cartera.rules.Reason;
import dev.cartera.rules.RuleError;
import dev.cartera.rules.RuleFields;
import dev.cartera.rules.Recipient;
import dev.cartera.rules.Trigger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Puts the rules' reasons and errors (codes with arguments, from crm-rules) into the reader's language through the UI
 * bundles: {@code cartera.rules.reason.<code>} and {@code cartera.rules.error.<code>}. Arguments that are enums or
 * field names are shown by their own labels (the trigger, operator and field names the editor shows), criteria as
 * "Provincia es uno de Barcelona, Girona", dates and numbers in the reader's locale. Templates call the methods
 * without a locale, which use the request's.
 */
public final class RuleTexts {
    public static final String REASON_PREFIX = "cartera.rules.reason.";
    public static final String ERROR_PREFIX = "cartera.rules.error.";
    private static final String TEXT = "cartera.rules.text.";
    /** The label prefix of every enum a reason or an error may carry. */
    static final Map<Class<?>, String> ENUM_LABELS = labels();

    private final MessageSource messages;
    private final ZoneId zone;

    public RuleTexts(MessageSource messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    private static Map<Class<?>, String> labels() {
        Map<Class<?>, String> m = new LinkedHashMap<>();
        m.put(Trigger.class, "cartera.rules.trigger.");
        m.put(Operator.class, "cartera.rules.operator.");
        m.put(AssigneeKind.class, "cartera.rules.assignee.");
        m.put(ActionKind.class, "cartera.rules.action.");
        m.put(Recipient.class, "cartera.rules.recipient.");
        m.put(Severity.class, "cartera.rules.severity.");
        m.put(RecordType.class, "cartera.rules.recordType.");
        m.put(LeadStatus.class, "cartera.lead.status.");
        m.put(OpportunityStatus.class, "cartera.settings.kind.");
        m.put(QuoteStatus.class, "cartera.quote.status.");
        m.put(ActivityType.class, "cartera.activity.type.");
        m.put(ActivityStatus.class, "cartera.task.status.");
        m.put(AlertKind.class, "cartera.alerts.kind.");
        return Map.copyOf(m);
    }

    public String reason(Reason reason) {
        return reason(reason, LocaleContextHolder.getLocale());
    }

    public String reason(Reason reason, Locale locale) {
        return sentence(REASON_PREFIX + reason.code().key(), reason.args(), locale);
    }

    public String error(RuleError error) {
        return error(error, LocaleContextHolder.getLocale());
    }

    public String error(RuleError error, Locale locale) {
        return sentence(ERROR_PREFIX + error.code().key(), error.args(), locale);
    }

    /** The rule an error is about: its name, or what stands for the rule set, an unnamed rule or the raw DRL. */
    public String rule(String rule) {
        return rule(rule, LocaleContextHolder.getLocale());
    }

    public String rule(String rule, Locale locale) {
        if (rule == null || RuleError.RULE_SET.equals(rule)) {
            return text("ruleSet", locale);
        }
        if (RuleError.UNNAMED.equals(rule)) {
            return text("unnamed", locale);
        }
        return RuleError.RAW_DRL.equals(rule) ? text("rawDrl", locale) : rule;
    }

    /** The problem detail of a version that cannot go live: how many problems it has. */
    public String summary(int problems, Locale locale) {
        return messages.getMessage("cartera.rules.api.invalid", new Object[] {problems}, locale);
    }

    private String sentence(String key, List<Object> args, Locale locale) {
        Object[] rendered = args.stream().map(a -> a instanceof Number ? a : arg(a, locale)).toArray();
        return messages.getMessage(key, rendered, key + args, locale);
    }

    /** One argument as text; numbers stay numbers for the sentence's own formats (plurals). */
    String arg(Object a, Locale locale) {
        if (a == null) {
            return text("none", locale);
        }
        if (a instanceof Reason r) {
            return reason(r, locale);
        }
        if (a instanceof Reason.Field f) {
            return field(f.name(), locale);
        }
        if (a instanceof Criterion c) {
            return criterion(c, locale);
        }
        if (a instanceof Enum<?> e) {
            String prefix = ENUM_LABELS.get(e.getDeclaringClass());
            return prefix == null ? e.name() : messages.getMessage(prefix + e.name(), null, e.name(), locale);
        }
        if (a instanceof LocalDate d) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(d);
        }
        if (a instanceof Instant i) {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(i.atZone(zone));
        }
        if (a instanceof Number n) {
            return java.text.NumberFormat.getInstance(locale).format(n);
        }
        if (a instanceof Iterable<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(items::add);
            boolean criteria = !items.isEmpty() && items.stream().allMatch(Criterion.class::isInstance);
            return items.stream().map(item -> arg(item, locale))
                    .collect(Collectors.joining(criteria ? " " + text("and", locale) + " " : ", "));
        }
        return a.toString();
    }

    private String field(String name, Locale locale) {
        if (name.startsWith(RuleFields.CUSTOM_PREFIX)) {
            return messages.getMessage(TEXT + "customField", new Object[] {name.substring(RuleFields.CUSTOM_PREFIX.length())}, name, locale);
        }
        return messages.getMessage("cartera.rules.field." + name, null, name, locale);
    }

    private String criterion(Criterion c, Locale locale) {
        String field = field(c.field(), locale);
        String operator = arg(c.operator(), locale);
        if (c.operator() == Operator.IS_EMPTY) {
            return messages.getMessage(TEXT + "criterionEmpty", new Object[] {field, operator}, locale);
        }
        return messages.getMessage(TEXT + "criterion", new Object[] {field, operator, String.join(", ", c.values())}, locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(TEXT + key, null, key, locale);
    }

    /**
     * An argument as the API returns it beside the message: plain values as they are, enums by name, a field by
     * its key, a criterion as {@code {field, operator, values}}, dates as ISO-8601, a nested reason with its message.
     */
    Object machine(Object a, Locale locale) {
        if (a == null || a instanceof Number || a instanceof String || a instanceof Boolean) {
            return a;
        }
        if (a instanceof Reason r) {
            return ReasonDto.of(r, this, locale);
        }
        if (a instanceof Reason.Field f) {
            return f.name();
        }
        if (a instanceof Criterion c) {
            return Map.of("field", c.field(), "operator", c.operator().name(), "values", c.values());
        }
        if (a instanceof Enum<?> e) {
            return e.name();
        }
        if (a instanceof Iterable<?> list) {
            return StreamSupport.stream(list.spliterator(), false).map(item -> machine(item, locale)).toList();
        }
        return a.toString();
    }

    /** A reason as the API returns it: {@code code} (as {@code rule-matched}), {@code args} and the {@code message}. */
    public record ReasonDto(String code, List<Object> args, String message) {
        public static ReasonDto of(Reason r, RuleTexts texts, Locale locale) {
            return new ReasonDto(r.code().key(), r.args().stream().map(a -> texts.machine(a, locale)).toList(), texts.reason(r, locale));
        }
    }

    /**
     * An error as the API returns it: the {@code rule} (name or placeholder), {@code code}, {@code args}, the
     * {@code message} in the reader's language, and {@code reason}, the same message under its older name.
     */
    public record RuleErrorDto(String rule, String code, List<Object> args, String message, String reason) {
        public static RuleErrorDto of(RuleError e, RuleTexts texts, Locale locale) {
            String message = texts.error(e, locale);
            return new RuleErrorDto(e.rule(), e.code().key(), e.args().stream().map(a -> texts.machine(a, locale)).toList(), message, message);
        }
    }
}
