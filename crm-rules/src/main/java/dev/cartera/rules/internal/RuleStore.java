package dev.cartera.rules.internal;

import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.VersionStatus;
import java.util.Optional;

/** Finds rule sets and versions of the unit of work's tenant, and their compiled form. */
public final class RuleStore {
    private final RuleCache cache;

    public RuleStore(RuleCache cache) {
        this.cache = cache;
    }

    public RuleCache cache() {
        return cache;
    }

    public Optional<RuleSetRecord> ruleSet(UnitOfWork work, RuleSetKind kind) {
        return work.em().createQuery("select s from RuleSetRecord s where s.kind = :k", RuleSetRecord.class)
                .setParameter("k", kind.name()).getResultStream().findFirst();
    }

    /** The live version of the tenant's rule set of this kind, compiled (from the cache when warm). */
    public Optional<CompiledRuleSet> active(UnitOfWork work, RuleSetKind kind) {
        return ruleSet(work, kind).filter(s -> s.getActiveVersionId() != null)
                .map(s -> work.em().find(RuleSetVersionRecord.class, s.getActiveVersionId()))
                .filter(v -> VersionStatus.ACTIVE.name().equals(v.getStatus()))
                .map(v -> compiled(work, kind, v));
    }

    public CompiledRuleSet compiled(UnitOfWork work, RuleSetKind kind, RuleSetVersionRecord v) {
        return cache.get(work.tenantId(), v.getId(), () -> RuleCompiler.compile(work.tenantId(), v.getRuleSetId(), v.getId(),
                kind, Json.read(v.getDefinition()), v.getRawDrl()));
    }
}
