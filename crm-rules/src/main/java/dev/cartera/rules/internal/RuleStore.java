package dev.cartera.rules.internal;

import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.VersionStatus;
import jakarta.persistence.FlushModeType;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Finds rule sets and versions of the unit of work's tenant, and their compiled form. */
public final class RuleStore {
    /** How long a node trusts its memory of "which version is live" before asking the database again. */
    static final long POINTER_TTL_NANOS = 5_000_000_000L;

    private record Pointer(UUID versionId, long readAt) {
    }

    private final RuleCache cache;
    private final Map<String, Pointer> livePointers = new ConcurrentHashMap<>();

    public RuleStore(RuleCache cache) {
        this.cache = cache;
    }

    /**
     * The live version id of a tenant's rule set, remembered for a few seconds: event listeners ask it for every
     * CRM event, and most events of most tenants have nothing to run. Activation on this node forgets it at once;
     * other nodes follow within {@link #POINTER_TTL_NANOS}.
     */
    public Optional<UUID> liveVersionId(String tenantId, RuleSetKind kind, Supplier<Optional<UUID>> read) {
        String key = tenantId + "/" + kind;
        Pointer p = livePointers.get(key);
        long now = System.nanoTime();
        if (p == null || now - p.readAt() > POINTER_TTL_NANOS) {
            p = new Pointer(read.get().orElse(null), now);
            livePointers.put(key, p);
        }
        return Optional.ofNullable(p.versionId());
    }

    public void forgetLiveVersion(String tenantId, RuleSetKind kind) {
        livePointers.remove(tenantId + "/" + kind);
    }

    /** The compiled version if this node has it warm. */
    public Optional<CompiledRuleSet> warm(String tenantId, UUID versionId) {
        return Optional.ofNullable(cache.peek(tenantId, versionId));
    }

    public RuleCache cache() {
        return cache;
    }

    public Optional<RuleSetRecord> ruleSet(UnitOfWork work, RuleSetKind kind) {
        // Rule sets never change inside the units that read them here: no need to flush the unit's pending rows first.
        return work.em().createQuery("select s from RuleSetRecord s where s.kind = :k", RuleSetRecord.class)
                .setParameter("k", kind.name()).setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
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
