package dev.cartera.rules.internal;

import dev.cartera.rules.AssignmentRule;
import dev.cartera.rules.AutomationRule;
import dev.cartera.rules.Criterion;
import dev.cartera.rules.RuleSetContent;
import dev.cartera.rules.RuleSetKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns structured rules into classic DRL. Nothing the admin typed is written into the code: rules are named
 * {@code r0, r1…}, values are reached through the global {@code p} by position, field names come from
 * {@link Fields}' whitelist and triggers from an enum. So a value like {@code "); System.exit(0); ("} stays a value.
 */
public final class DrlGenerator {
    static final String PACKAGE = "dev.cartera.rules.generated";
    static final String HEADER = "package " + PACKAGE + ";\n"
            + "import " + RecordFact.class.getName() + ";\n"
            + "import dev.cartera.rules.Trigger;\n"
            + "global " + Params.class.getName() + " p;\n";

    private DrlGenerator() {
    }

    /** The generated DRL, the criteria in the order {@code p} holds them, and the first line of each rule. */
    public record Generated(String drl, List<CompiledCriterion> criteria, int[] firstLine) {
    }

    public static Generated generate(RuleSetKind kind, RuleSetContent content) {
        StringBuilder drl = new StringBuilder(HEADER);
        List<CompiledCriterion> criteria = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        int ruleCount = kind == RuleSetKind.ASSIGNMENT ? content.assignment().size() : content.automation().size();
        int[] firstLine = new int[ruleCount];
        for (int i = 0; i < ruleCount; i++) {
            firstLine[i] = lines(drl) + 1;
            List<String> constraints = new ArrayList<>();
            List<Criterion> when;
            if (kind == RuleSetKind.ASSIGNMENT) {
                AssignmentRule r = content.assignment().get(i);
                when = r.criteria();
            } else {
                AutomationRule r = content.automation().get(i);
                constraints.add("trigger == Trigger." + r.trigger().name());
                when = r.criteria();
            }
            for (Criterion c : when) {
                // Equal criteria share one position, so their constraints read the same and Drools shares the node.
                Integer position = positions.computeIfAbsent(key(c), k -> {
                    criteria.add(new CompiledCriterion(c));
                    return criteria.size() - 1;
                });
                constraints.add("p.test(" + position + ", value(\"" + fieldLiteral(c.field()) + "\"))");
            }
            drl.append("rule \"r").append(i).append("\"\nwhen\n    $f : RecordFact( ")
                    .append(String.join(", ", constraints)).append(" )\nthen\n    $f.matched(").append(i).append(");\nend\n");
        }
        return new Generated(drl.toString(), criteria, firstLine);
    }

    private static String key(Criterion c) {
        List<String> values = c.values().stream().map(CompiledCriterion::norm).toList();
        if (c.operator() == dev.cartera.rules.Operator.IN) {
            values = values.stream().sorted().toList();
        }
        return c.field() + '\u0000' + c.operator() + '\u0000' + String.join("\u0000", values);
    }

    /** Field names are whitelisted before we get here; this refuses anything else outright. */
    private static String fieldLiteral(String field) {
        if (!field.matches("[A-Za-z][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("not a field name: " + field);
        }
        return field;
    }

    private static int lines(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
