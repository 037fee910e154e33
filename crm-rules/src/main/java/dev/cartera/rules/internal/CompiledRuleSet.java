package dev.cartera.rules.internal;

import dev.cartera.rules.RuleSetContent;
import dev.cartera.rules.RuleSetKind;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;

/** One version compiled to a KieBase, cached per tenant and version; immutable and shared between threads. */
public final class CompiledRuleSet {
    private final String tenantId;
    private final UUID ruleSetId;
    private final UUID versionId;
    private final RuleSetKind kind;
    private final RuleSetContent content;
    private final KieBase kieBase;
    private final Params params;
    private final Map<String, Integer> ruleIndex;
    private final List<String> ruleNames;
    private final StatelessKieSession session;

    CompiledRuleSet(String tenantId, UUID ruleSetId, UUID versionId, RuleSetKind kind, RuleSetContent content, KieBase kieBase,
            Params params, List<String> ruleNames) {
        this.tenantId = tenantId;
        this.ruleSetId = ruleSetId;
        this.versionId = versionId;
        this.kind = kind;
        this.content = content;
        this.kieBase = kieBase;
        this.params = params;
        this.ruleNames = List.copyOf(ruleNames);
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < ruleNames.size(); i++) {
            index.putIfAbsent(ruleNames.get(i), i);
        }
        this.ruleIndex = Map.copyOf(index);
        // Sessions are recycled from a pool (it grows with concurrent callers); the global never changes.
        this.session = kieBase.newKieSessionsPool(2).newStatelessKieSession();
        this.session.setGlobal("p", params);
    }

    /** Runs the rules over one record and returns the indexes of the matching rules, in rule order. */
    public List<Integer> match(RecordFact fact) {
        fact.clearMatches();
        fact.useRuleIndex(ruleIndex);
        session().execute(fact);
        return fact.matches();
    }

    /** Runs the rules over many records in one session (the fast path for simulations and imports). */
    public void matchAll(List<RecordFact> facts) {
        for (RecordFact fact : facts) {
            fact.clearMatches();
            fact.useRuleIndex(ruleIndex);
        }
        session().execute(facts);
    }

    /** The same KieBase with one automation rule's actions replaced (to run part of a rule). */
    CompiledRuleSet withRule(int index, dev.cartera.rules.AutomationRule rule) {
        List<dev.cartera.rules.AutomationRule> rules = new java.util.ArrayList<>(content.automation());
        rules.set(index, rule);
        return new CompiledRuleSet(tenantId, ruleSetId, versionId, kind, new RuleSetContent(content.assignment(), rules), kieBase,
                params, ruleNames);
    }

    private StatelessKieSession session() {
        return session;
    }

    public String tenantId() {
        return tenantId;
    }

    public UUID ruleSetId() {
        return ruleSetId;
    }

    public UUID versionId() {
        return versionId;
    }

    public RuleSetKind kind() {
        return kind;
    }

    public RuleSetContent content() {
        return content;
    }

    public String ruleName(int index) {
        return ruleNames.get(index);
    }

    public int ruleCount() {
        return ruleNames.size();
    }
}
