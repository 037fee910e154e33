package dev.cartera.rules;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.access.Action;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.rules.internal.AssignmentContext;
import dev.cartera.rules.internal.CompiledRuleSet;
import dev.cartera.rules.internal.Json;
import dev.cartera.rules.internal.ReasonCodec;
import dev.cartera.rules.internal.RuleChecks;
import dev.cartera.rules.internal.RuleCompiler;
import dev.cartera.rules.internal.RuleExecutionRecord;
import dev.cartera.rules.internal.RuleSetRecord;
import dev.cartera.rules.internal.RuleSetVersionRecord;
import dev.cartera.rules.internal.RuleStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The admin's side of rules: drafts, validation, activation and rollback — live, without a restart. Activation
 * compiles first and flips the rule set's active version in one transaction: an invalid version never goes live,
 * and every assignment reads the active version it runs with.
 */
public final class RuleSetService {
    private final Transactions tx;
    private final RuleStore store;
    private final RulesOptions options;
    private final Timer compileTimer;

    RuleSetService(Transactions tx, RuleStore store, RulesOptions options, MeterRegistry meters) {
        this.tx = tx;
        this.store = store;
        this.options = options;
        this.compileTimer = Timer.builder("cartera.rules.compile").description("Rule-set validation and compilation").register(meters);
    }

    /** Saves a new draft version of the tenant's rule set of this kind (creating the set on first use). */
    public RuleSetVersionView saveDraft(RuleSetKind kind, RuleSetContent content, String rawDrl, String comment) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
        return tx.write(work -> {
            work.require(Action.UPDATE, RecordType.RULE);
            requireRawDrlPermission(work, rawDrl);
            RuleSetRecord set = store.ruleSet(work, kind).orElseGet(() -> {
                RuleSetRecord created = new RuleSetRecord();
                created.setKind(kind.name());
                created.setName(kind == RuleSetKind.ASSIGNMENT ? "Lead assignment" : "Automation");
                work.em().persist(created);
                return created;
            });
            Integer last = work.em().createQuery("select max(v.versionNo) from RuleSetVersionRecord v where v.ruleSetId = :s", Integer.class)
                    .setParameter("s", set.getId()).getSingleResult();
            RuleSetVersionRecord v = new RuleSetVersionRecord();
            v.setRuleSetId(set.getId());
            v.setVersionNo(last == null ? 1 : last + 1);
            v.setStatus(VersionStatus.DRAFT.name());
            v.setDefinition(Json.write(content));
            v.setRawDrl(blankToNull(rawDrl));
            v.setComment(blankToNull(comment));
            work.em().persist(v);
            work.audit("RULES_DRAFT", RecordType.RULE, v.getId(), kind + " v" + v.getVersionNo());
            return view(work.flushed(v), kind);
        });
    }

    /** Replaces the content of a draft; active and archived versions never change. */
    public RuleSetVersionView updateDraft(UUID versionId, Long expectedVersion, RuleSetContent content, String rawDrl, String comment) {
        return tx.write(work -> {
            work.require(Action.UPDATE, RecordType.RULE);
            RuleSetVersionRecord v = load(work, versionId);
            v.checkVersion(expectedVersion);
            if (!VersionStatus.DRAFT.name().equals(v.getStatus())) {
                throw new ConflictException("rules.version.not-draft", v.getStatus());
            }
            requireRawDrlPermission(work, rawDrl);
            v.setDefinition(Json.write(content));
            v.setRawDrl(blankToNull(rawDrl));
            v.setComment(blankToNull(comment));
            work.audit("RULES_DRAFT", RecordType.RULE, v.getId(), "updated");
            return view(work.flushed(v), kindOf(work, v));
        });
    }

    /** Every problem of a version, by rule name; empty when it may go live. Compiles it without activating it. */
    public List<RuleError> validate(UUID versionId) {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.RULE);
            RuleSetVersionRecord v = load(work, versionId);
            try {
                compile(work, v);
                return List.of();
            } catch (RuleValidationException e) {
                return e.errors();
            }
        });
    }

    /**
     * Makes a version the live one: validates and compiles it, archives the version it replaces, and swaps the
     * tenant's KieBase. On any error nothing changes and the previous version stays live.
     */
    public RuleSetVersionView activate(UUID versionId) {
        String[] tenant = new String[1];
        return forgetLive(tenant, tx.write(work -> {
            tenant[0] = work.tenantId();
            work.require(Action.UPDATE, RecordType.RULE);
            RuleSetVersionRecord v = load(work, versionId);
            if (VersionStatus.ACTIVE.name().equals(v.getStatus())) {
                return view(v, kindOf(work, v));
            }
            requireRawDrlPermission(work, v.getRawDrl());
            return activate(work, v);
        }));
    }

    /** Restores the version that was live before the current one (the most recently archived). */
    public RuleSetVersionView rollback(RuleSetKind kind) {
        String[] tenant = new String[1];
        return forgetLive(tenant, tx.write(work -> {
            tenant[0] = work.tenantId();
            work.require(Action.UPDATE, RecordType.RULE);
            RuleSetRecord set = store.ruleSet(work, kind).orElseThrow(() -> new NotFoundException(RecordType.RULE, null));
            RuleSetVersionRecord previous = work.em().createQuery("select v from RuleSetVersionRecord v where v.ruleSetId = :s"
                            + " and v.status = :archived and v.activatedAt is not null order by v.archivedAt desc, v.versionNo desc",
                            RuleSetVersionRecord.class)
                    .setParameter("s", set.getId()).setParameter("archived", VersionStatus.ARCHIVED.name())
                    .setMaxResults(1).getResultStream().findFirst()
                    .orElseThrow(() -> new ConflictException("rules.rollback.nothing-to-restore", kind));
            return activate(work, previous);
        }));
    }

    /** After the commit: this node's event listeners see the new live version at once. */
    private RuleSetVersionView forgetLive(String[] tenant, RuleSetVersionView activated) {
        store.forgetLiveVersion(tenant[0], activated.kind());
        return activated;
    }

    private RuleSetVersionView activate(UnitOfWork work, RuleSetVersionRecord v) {
        RuleSetKind kind = kindOf(work, v);
        CompiledRuleSet compiled = compile(work, v);
        RuleSetRecord set = work.em().find(RuleSetRecord.class, v.getRuleSetId());
        Set<UUID> keep = new HashSet<>();
        keep.add(v.getId());
        if (set.getActiveVersionId() != null) {
            RuleSetVersionRecord current = work.em().find(RuleSetVersionRecord.class, set.getActiveVersionId());
            current.setStatus(VersionStatus.ARCHIVED.name());
            current.setArchivedAt(work.now());
            keep.add(current.getId());
        }
        v.setStatus(VersionStatus.ACTIVE.name());
        v.setActivatedAt(work.now());
        v.setActivatedBy(work.username());
        v.setArchivedAt(null);
        set.setActiveVersionId(v.getId());
        // Every team gets its round-robin row now, so concurrent first assignments lock one row instead of racing to insert it.
        new AssignmentContext(work.em(), LocalDate.now(work.clock()), false)
                .ensureTurns(work.em().createQuery("select t.id from Team t", UUID.class).getResultList());
        work.audit("RULES_ACTIVATE", RecordType.RULE, v.getId(), kind + " v" + v.getVersionNo());
        store.cache().put(compiled);
        store.cache().retain(work.tenantId(), set.getId(), keep);
        return view(work.flushed(v), kind);
    }

    /** Structural checks, the users and teams named, then Drools; throws {@link RuleValidationException}. */
    CompiledRuleSet compile(UnitOfWork work, RuleSetVersionRecord v) {
        RuleSetKind kind = kindOf(work, v);
        RuleSetContent content = Json.read(v.getDefinition());
        List<RuleError> errors = new ArrayList<>(RuleChecks.check(kind, content));
        errors.addAll(missingReferences(work, kind, content));
        if (!errors.isEmpty()) {
            throw new RuleValidationException(errors);
        }
        return compileTimer.record(() -> RuleCompiler.compile(work.tenantId(), v.getRuleSetId(), v.getId(), kind, content, v.getRawDrl()));
    }

    private static List<RuleError> missingReferences(UnitOfWork work, RuleSetKind kind, RuleSetContent content) {
        List<RuleError> errors = new ArrayList<>();
        List<?> rules = kind == RuleSetKind.ASSIGNMENT ? content.assignment() : content.automation();
        for (Object rule : rules) {
            String name = rule instanceof AssignmentRule a ? a.name() : ((AutomationRule) rule).name();
            RuleSetContent single = rule instanceof AssignmentRule a ? RuleSetContent.assignment(List.of(a))
                    : RuleSetContent.automation(List.of((AutomationRule) rule));
            Set<UUID> users = new HashSet<>();
            Set<UUID> teams = new HashSet<>();
            RuleChecks.referencedIds(single, users::add, teams::add);
            if (!users.isEmpty()) {
                long found = work.em().createQuery("select count(u) from CrmUser u where u.id in :ids and u.active = true", Long.class)
                        .setParameter("ids", users).getSingleResult();
                if (found < users.size()) {
                    errors.add(RuleError.of(name, RuleErrorCode.UNKNOWN_USER));
                }
            }
            if (!teams.isEmpty()) {
                long found = work.em().createQuery("select count(t) from Team t where t.id in :ids", Long.class)
                        .setParameter("ids", teams).getSingleResult();
                if (found < teams.size()) {
                    errors.add(RuleError.of(name, RuleErrorCode.UNKNOWN_TEAM));
                }
            }
        }
        return errors;
    }

    public Optional<RuleSetVersionView> active(RuleSetKind kind) {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.RULE);
            return store.ruleSet(work, kind).filter(s -> s.getActiveVersionId() != null)
                    .map(s -> view(work.em().find(RuleSetVersionRecord.class, s.getActiveVersionId()), kind));
        });
    }

    public List<RuleSetVersionView> versions(RuleSetKind kind) {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.RULE);
            return store.ruleSet(work, kind).map(s -> work.em().createQuery("select v from RuleSetVersionRecord v"
                            + " where v.ruleSetId = :s order by v.versionNo desc", RuleSetVersionRecord.class)
                    .setParameter("s", s.getId()).getResultStream().map(v -> view(v, kind)).toList()).orElse(List.of());
        });
    }

    public RuleSetVersionView version(UUID versionId) {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.RULE);
            RuleSetVersionRecord v = load(work, versionId);
            return view(v, kindOf(work, v));
        });
    }

    /** What rules decided about one record (assignments and automation), newest first. */
    public List<RuleExecutionView> history(UUID recordId) {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.RULE);
            return work.em().createQuery("select e from RuleExecutionRecord e where e.recordId = :r order by e.executedAt desc, e.id desc",
                    RuleExecutionRecord.class).setParameter("r", recordId).getResultStream().map(RuleSetService::view).toList();
        });
    }

    /** The latest decisions of one kind, newest first (the assignment history screen). */
    public List<RuleExecutionView> recent(RuleSetKind kind, int limit) {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.RULE);
            return work.em().createQuery("select e from RuleExecutionRecord e where e.kind = :k order by e.executedAt desc, e.id desc",
                    RuleExecutionRecord.class).setParameter("k", kind.name()).setMaxResults(Math.max(1, Math.min(limit, 1000)))
                    .getResultStream().map(RuleSetService::view).toList();
        });
    }

    /** The row version of a rule-set version, for optimistic locking ({@code expectedVersion} of {@link #updateDraft}). */
    public long revision(UUID versionId) {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.RULE);
            return load(work, versionId).getVersion();
        });
    }

    /** The decisions of one kind, newest first, a page at a time (the assignment history screen and its API). */
    public Page<RuleExecutionView> executions(RuleSetKind kind, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.max(1, Math.min(size, 200));
        return tx.read(work -> {
            work.require(Action.READ, RecordType.RULE);
            long total = work.em().createQuery("select count(e) from RuleExecutionRecord e where e.kind = :k", Long.class)
                    .setParameter("k", kind.name()).getSingleResult();
            List<RuleExecutionView> items = work.em().createQuery("select e from RuleExecutionRecord e where e.kind = :k"
                            + " order by e.executedAt desc, e.id desc", RuleExecutionRecord.class)
                    .setParameter("k", kind.name()).setFirstResult(p * s).setMaxResults(s)
                    .getResultStream().map(RuleSetService::view).toList();
            return new Page<>(items, p, s, total);
        });
    }

    private void requireRawDrlPermission(UnitOfWork work, String rawDrl) {
        if (rawDrl != null && !rawDrl.isBlank() && !options.rawDrl().test(work.actor())) {
            throw new AccessDeniedException("rules.raw-drl.forbidden");
        }
    }

    static RuleSetVersionRecord load(UnitOfWork work, UUID id) {
        RuleSetVersionRecord v = id == null ? null : work.em().find(RuleSetVersionRecord.class, id);
        if (v == null) {
            throw new NotFoundException(RecordType.RULE, id);
        }
        return v;
    }

    static RuleSetKind kindOf(UnitOfWork work, RuleSetVersionRecord v) {
        return RuleSetKind.valueOf(work.em().find(RuleSetRecord.class, v.getRuleSetId()).getKind());
    }

    static RuleSetVersionView view(RuleSetVersionRecord v, RuleSetKind kind) {
        return new RuleSetVersionView(v.getId(), v.getRuleSetId(), kind, v.getVersionNo(), VersionStatus.valueOf(v.getStatus()),
                Json.read(v.getDefinition()), v.getRawDrl(), v.getComment(), v.getCreatedAt(), v.getCreatedBy(), v.getActivatedAt(),
                v.getActivatedBy(), v.getArchivedAt());
    }

    static RuleExecutionView view(RuleExecutionRecord e) {
        Optional<List<Reason>> explained = ReasonCodec.read(e.getOutcome());
        return new RuleExecutionView(e.getId(), RuleSetKind.valueOf(e.getKind()), e.getVersionId(), e.getRuleName(), e.getTrigger(),
                e.getRecordType() == null ? null : RecordType.valueOf(e.getRecordType()), e.getRecordId(), e.getUserId(),
                explained.isPresent() ? null : e.getOutcome(), e.getExecutedAt(), explained.orElse(List.of()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
