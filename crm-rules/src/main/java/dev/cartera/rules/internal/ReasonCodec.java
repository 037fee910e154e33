package dev.cartera.rules.internal;

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
import dev.cartera.rules.ReasonCode;
import dev.cartera.rules.Recipient;
import dev.cartera.rules.Trigger;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reasons as stored in the history ({@code crm_rule_execution.outcome}): JSON that keeps each argument's type, so a
 * trigger read back is still a trigger and is shown by its label in the reader's language. Older rows hold English
 * text, which does not read as reasons and is shown as it is.
 */
public final class ReasonCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Map<String, Class<? extends Enum<?>>> ENUMS = Stream.<Class<? extends Enum<?>>>of(Trigger.class,
                    Operator.class, AssigneeKind.class, ActionKind.class, Recipient.class, RecordType.class, LeadStatus.class,
                    OpportunityStatus.class, QuoteStatus.class, ActivityType.class, ActivityStatus.class, AlertKind.class, Severity.class)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private ReasonCodec() {
    }

    /** The reasons as JSON of at most {@code max} characters: whole reasons are left out from the end until it fits. */
    public static String write(List<Reason> reasons, int max) {
        for (int n = reasons.size(); n >= 0; n--) {
            ArrayNode array = MAPPER.createArrayNode();
            reasons.subList(0, n).forEach(r -> array.add(reason(r)));
            String json = MAPPER.writeValueAsString(array);
            if (json.length() <= max) {
                return json;
            }
        }
        return "[]";
    }

    /** The reasons stored by {@link #write}, or empty when {@code stored} is something else (older English text). */
    public static Optional<List<Reason>> read(String stored) {
        if (stored == null || !stored.startsWith("[")) {
            return Optional.empty();
        }
        try {
            List<Reason> out = new ArrayList<>();
            for (JsonNode r : MAPPER.readTree(stored)) {
                out.add(reason(r));
            }
            return Optional.of(out);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode reason(Reason r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", r.code().name());
        ArrayNode args = node.putArray("args");
        r.args().forEach(a -> args.add(arg(a)));
        return node;
    }

    private static Reason reason(JsonNode node) {
        List<Object> args = new ArrayList<>();
        node.get("args").forEach(a -> args.add(arg(a)));
        return new Reason(ReasonCode.valueOf(node.get("code").asString()), args);
    }

    private static JsonNode arg(Object a) {
        ObjectNode node = MAPPER.createObjectNode();
        if (a == null) {
            node.put("t", "null");
        } else if (a instanceof Reason r) {
            node.put("t", "reason").set("v", reason(r));
        } else if (a instanceof Reason.Field f) {
            node.put("t", "field").put("v", f.name());
        } else if (a instanceof Criterion c) {
            node.put("t", "criterion").set("v", criterion(c));
        } else if (a instanceof Number n) {
            node.put("t", "number").put("v", n.toString());
        } else if (a instanceof LocalDate d) {
            node.put("t", "date").put("v", d.toString());
        } else if (a instanceof Instant i) {
            node.put("t", "instant").put("v", i.toString());
        } else if (a instanceof Enum<?> e && ENUMS.containsKey(e.getDeclaringClass().getSimpleName())) {
            node.put("t", e.getDeclaringClass().getSimpleName()).put("v", e.name());
        } else if (a instanceof Iterable<?> list) {
            ArrayNode items = node.put("t", "list").putArray("v");
            list.forEach(item -> items.add(arg(item)));
        } else {
            node.put("t", "text").put("v", a.toString());
        }
        return node;
    }

    private static Object arg(JsonNode node) {
        String type = node.get("t").asString();
        JsonNode v = node.get("v");
        return switch (type) {
            case "null" -> null;
            case "reason" -> reason(v);
            case "field" -> new Reason.Field(v.asString());
            case "criterion" -> new Criterion(v.get("field").asString(), Operator.valueOf(v.get("operator").asString()),
                    strings(v.get("values")));
            case "number" -> number(v.asString());
            case "date" -> LocalDate.parse(v.asString());
            case "instant" -> Instant.parse(v.asString());
            case "list" -> {
                List<Object> items = new ArrayList<>();
                v.forEach(item -> items.add(arg(item)));
                yield items;
            }
            case "text" -> v.asString();
            default -> enumValue(ENUMS.get(type), v.asString());
        };
    }

    private static ObjectNode criterion(Criterion c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("field", c.field()).put("operator", c.operator().name());
        ArrayNode values = node.putArray("values");
        c.values().forEach(values::add);
        return node;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }

    private static Number number(String text) {
        BigDecimal d = new BigDecimal(text);
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return d;
        }
    }

    private static Object enumValue(Class<? extends Enum<?>> type, String name) {
        if (type == null) {
            throw new IllegalArgumentException("unknown argument type");
        }
        for (Enum<?> e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
