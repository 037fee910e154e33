package dev.cartera.rules.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One compiled KieBase per tenant and version. Versions never change once written, so an entry never goes
 * stale; which version is live is read from the database, so every node of a cluster follows an activation.
 */
public final class RuleCache {
    private record Key(String tenantId, UUID versionId) {
    }

    private final Map<Key, CompiledRuleSet> compiled = new ConcurrentHashMap<>();

    public CompiledRuleSet get(String tenantId, UUID versionId, Supplier<CompiledRuleSet> compile) {
        return compiled.computeIfAbsent(new Key(tenantId, versionId), k -> compile.get());
    }

    public CompiledRuleSet peek(String tenantId, UUID versionId) {
        return compiled.get(new Key(tenantId, versionId));
    }

    public void put(CompiledRuleSet rules) {
        compiled.put(new Key(rules.tenantId(), rules.versionId()), rules);
    }

    /** Drops a rule set's versions except those still worth keeping warm (the live one and the rollback target). */
    public void retain(String tenantId, UUID ruleSetId, Set<UUID> keep) {
        compiled.values().removeIf(c -> c.tenantId().equals(tenantId) && c.ruleSetId().equals(ruleSetId)
                && !keep.contains(c.versionId()));
    }

    public int size() {
        return compiled.size();
    }
}
