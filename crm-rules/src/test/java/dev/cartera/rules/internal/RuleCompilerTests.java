package dev.cartera.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.rules.Assignee;
import dev.cartera.rules.AssignmentRule;
import dev.cartera.rules.Criterion;
import dev.cartera.rules.Operator;
import dev.cartera.rules.RuleError;
import dev.cartera.rules.RuleErrorCode;
import dev.cartera.rules.RuleSetContent;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.RuleValidationException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuleCompilerTests {
    private static final UUID USER = UUID.randomUUID();
    private static final UUID TEAM = UUID.randomUUID();

    private static CompiledRuleSet compile(RuleSetContent content, String raw) {
        return RuleCompiler.compile("t1", UUID.randomUUID(), UUID.randomUUID(), RuleSetKind.ASSIGNMENT, content, raw);
    }

    private static RecordFact lead(String... kv) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put(kv[i], kv[i + 1]);
        }
        return new RecordFact(null, UUID.randomUUID(), null, values);
    }

    @Test
    void matchesCriteriaInRuleOrder() {
        CompiledRuleSet rules = compile(RuleSetContent.assignment(List.of(
                new AssignmentRule("Catalunya web", List.of(Criterion.of("province", Operator.IN, "Barcelona", "Girona"),
                        Criterion.of("source", Operator.EQUALS, "web")), Assignee.roundRobin(TEAM)),
                new AssignmentRule("Big firms", List.of(Criterion.of("companySize", Operator.BETWEEN, "10", "49")), Assignee.user(USER)),
                new AssignmentRule("Postcodes 08", List.of(Criterion.of("postcode", Operator.BETWEEN, "08000", "08999")), Assignee.user(USER)),
                new AssignmentRule("No language", List.of(Criterion.of("language", Operator.IS_EMPTY)), Assignee.user(USER)),
                new AssignmentRule("Sector", List.of(Criterion.of("custom.sector", Operator.CONTAINS, "fruta")), Assignee.user(USER)),
                new AssignmentRule("Fallback", List.of(), Assignee.user(USER)))), null);

        assertThat(rules.match(lead("province", " barcelona ", "source", "WEB", "companySize", "12", "postcode", "08001",
                "language", "ca"))).containsExactly(0, 1, 2, 5);
        assertThat(rules.match(lead("province", "Madrid", "source", "web", "companySize", "50", "postcode", "28001",
                "custom.sector", "Frutas y verduras"))).containsExactly(3, 4, 5);
    }

    @Test
    void valuesNeverBecomeCode() {
        String evil = "\"); System.exit(1); (\"";
        CompiledRuleSet rules = compile(RuleSetContent.assignment(List.of(
                new AssignmentRule("Evil \" name", List.of(Criterion.of("source", Operator.EQUALS, evil)), Assignee.user(USER)),
                new AssignmentRule("Fallback", List.of(), Assignee.user(USER)))), null);
        assertThat(rules.match(lead("source", evil))).containsExactly(0, 1);
        assertThat(DrlGenerator.generate(RuleSetKind.ASSIGNMENT, rules.content()).drl()).doesNotContain("System").doesNotContain("Evil");
    }

    @Test
    void equalCriteriaShareOneConstraint() {
        RuleSetContent content = RuleSetContent.assignment(List.of(
                new AssignmentRule("A", List.of(Criterion.of("source", Operator.EQUALS, "web"), Criterion.of("province", Operator.IN, "Lugo", "Ourense")), Assignee.user(USER)),
                new AssignmentRule("B", List.of(Criterion.of("source", Operator.EQUALS, " WEB "), Criterion.of("province", Operator.IN, "ourense", "lugo")), Assignee.user(USER)),
                new AssignmentRule("Fallback", List.of(), Assignee.user(USER))));
        DrlGenerator.Generated generated = DrlGenerator.generate(RuleSetKind.ASSIGNMENT, content);
        assertThat(generated.criteria()).hasSize(2);
        assertThat(generated.drl()).contains("p.test(0, value(\"source\")), p.test(1, value(\"province\"))");
        assertThat(compile(content, null).match(lead("source", "web", "province", "Lugo"))).containsExactly(0, 1, 2);
    }

    @Test
    void reportsStructuralProblemsByRuleName() {
        assertThatThrownBy(() -> compile(RuleSetContent.assignment(List.of(
                new AssignmentRule("Bad field", List.of(Criterion.of("shoeSize", Operator.EQUALS, "42")), Assignee.user(USER)),
                new AssignmentRule("Bad range", List.of(Criterion.of("companySize", Operator.BETWEEN, "50", "10")), Assignee.user(USER)),
                new AssignmentRule("No fallback", List.of(Criterion.of("source", Operator.IN)), Assignee.roundRobin(null)))), null))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.errors()).extracting(RuleError::rule)
                        .contains("Bad field", "Bad range", "No fallback"));
    }

    @Test
    void reportsDrlCompileErrorsByRawRuleName() {
        String raw = """
                rule "Fine"
                when
                    $f : RecordFact( value("source") == "fair" )
                then
                    $f.matched("Fallback");
                end

                rule "Broken"
                when
                    $f : RecordFact( nosuchthing > )
                then
                end
                """;
        assertThatThrownBy(() -> compile(RuleSetContent.assignment(List.of(
                new AssignmentRule("Fallback", List.of(), Assignee.user(USER)))), raw))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.errors())
                        .allSatisfy(err -> {
                            assertThat(err.rule()).isEqualTo(RuleError.RAW_DRL);
                            assertThat(err.code()).isEqualTo(RuleErrorCode.RAW_DRL_RULE_DOES_NOT_COMPILE);
                            assertThat(err.args().get(0)).isEqualTo("Broken");
                            assertThat(err.args().get(1)).isEqualTo(10);
                        }));
    }

    @Test
    void rawDrlCanApplyAStructuredRule() {
        String raw = """
                rule "Fair trade"
                when
                    $f : RecordFact( value("source") == "fair" )
                then
                    $f.matched("Special");
                end
                """;
        CompiledRuleSet rules = compile(RuleSetContent.assignment(List.of(
                new AssignmentRule("Special", List.of(Criterion.of("province", Operator.EQUALS, "Lugo")), Assignee.user(USER)),
                new AssignmentRule("Fallback", List.of(), Assignee.user(USER)))), raw);
        assertThat(rules.match(lead("source", "fair"))).containsExactly(0, 1);
        assertThat(rules.match(lead("source", "web"))).containsExactly(1);
    }
}
