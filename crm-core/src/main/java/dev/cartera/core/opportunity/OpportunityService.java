package dev.cartera.core.opportunity;

import dev.cartera.core.access.Action;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.persistence.Owners;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.SearchQuery;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Deals through their pipeline: create, move between stages (recorded for the stage timers, with the
 * stage's required fields enforced), win, lose, and the deals stuck past their stage's time limit.
 */
public final class OpportunityService {
    private final Transactions tx;

    public OpportunityService(Transactions tx) {
        this.tx = tx;
    }

    public OpportunityView create(OpportunityDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> view(work, newOpportunity(work, draft, null)));
    }

    /** Creates a deal inside a running unit of work; {@code originLeadId} keeps the lead it came from. */
    public static Opportunity newOpportunity(UnitOfWork work, OpportunityDraft draft, UUID originLeadId) {
        Validator.valid(draft);
        work.require(Action.CREATE, RecordType.OPPORTUNITY);
        if (draft.accountId() != null) {
            AccountService.load(work, draft.accountId(), Action.READ);
        }
        Pipeline pipeline = draft.pipelineId() == null
                ? PipelineService.defaultPipeline(work)
                : work.loadShared(Pipeline.class, RecordType.PIPELINE, draft.pipelineId(), Action.READ);
        List<Stage> stages = PipelineService.stages(work, pipeline.getId());
        Stage stage = draft.stageId() == null
                ? stages.stream().filter(s -> s.getKind() == StageKind.OPEN).findFirst().orElseThrow()
                : stages.stream().filter(s -> s.getId().equals(draft.stageId())).findFirst()
                        .orElseThrow(() -> ValidationException.of("stageId", "stage.not-in-pipeline"));
        if (stage.getKind() != StageKind.OPEN) {
            throw ValidationException.of("stageId", "stage.not-open");
        }
        Opportunity o = new Opportunity();
        apply(draft, o);
        requireFieldsFor(stages, stage, o);
        o.setOwnerId(Owners.resolveNewOwner(work, RecordType.OPPORTUNITY, draft.ownerId()));
        o.setPipelineId(pipeline.getId());
        o.setStageId(stage.getId());
        o.setStageEnteredAt(work.now());
        o.setStatus(OpportunityStatus.OPEN);
        o.setOriginLeadId(originLeadId);
        o.setSource(Validator.trimToNull(draft.source()));
        o.setCampaignId(draft.campaignId());
        work.em().persist(o);
        recordChange(work, o, null, stage.getId(), false);
        work.audit("CREATE", RecordType.OPPORTUNITY, o.getId(), o.getName());
        work.publish(new OpportunityEvents.OpportunityCreated(work.tenantId(), work.now(), work.username(), o.getId(), o.getOwnerId()));
        return o;
    }

    public OpportunityView update(UUID id, Long expectedVersion, OpportunityDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            Opportunity o = load(work, id, Action.UPDATE);
            o.checkVersion(expectedVersion);
            if (draft.accountId() != null && !draft.accountId().equals(o.getAccountId())) {
                AccountService.load(work, draft.accountId(), Action.READ);
            }
            if (draft.ownerId() != null && !draft.ownerId().equals(o.getOwnerId())) {
                o.setOwnerId(Owners.resolveReassignment(work, RecordType.OPPORTUNITY, draft.ownerId()));
            }
            apply(draft, o);
            work.audit("UPDATE", RecordType.OPPORTUNITY, id, o.getName());
            return view(work, work.flushed(o));
        });
    }

    public OpportunityView get(UUID id) {
        return tx.read(work -> view(work, load(work, id, Action.READ)));
    }

    public Page<OpportunityView> search(OpportunityQuery query, PageRequest page) {
        return tx.read(work -> {
            ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.OPPORTUNITY);
            Page<Opportunity> found = new SearchQuery<>(Opportunity.class, "o", scope.predicate("o.ownerId"))
                    .text(query.text(), "o.name", "o.description")
                    .equal("o.status", query.status())
                    .equal("o.pipelineId", query.pipelineId())
                    .equal("o.stageId", query.stageId())
                    .equal("o.ownerId", query.ownerId())
                    .equal("o.accountId", query.accountId())
                    .page(work.em(), scope, "o.updatedAt desc, o.id", page);
            Map<UUID, Stage> stages = stagesById(work);
            return found.map(o -> OpportunityView.of(o, stages.get(o.getStageId())));
        });
    }

    /** Moves a deal to another stage of its pipeline; a won or lost stage closes it (a lost one needs a reason). */
    public OpportunityView moveToStage(UUID id, Long expectedVersion, UUID stageId, String lostReason) {
        return tx.write(work -> {
            Opportunity o = load(work, id, Action.UPDATE);
            o.checkVersion(expectedVersion);
            Stage target = PipelineService.stages(work, o.getPipelineId()).stream()
                    .filter(s -> s.getId().equals(stageId)).findFirst()
                    .orElseThrow(() -> ValidationException.of("stageId", "stage.not-in-pipeline"));
            moveTo(work, o, target, lostReason, false);
            return view(work, work.flushed(o));
        });
    }

    public OpportunityView markWon(UUID id, Long expectedVersion) {
        return closeAs(id, expectedVersion, StageKind.WON, null);
    }

    public OpportunityView markLost(UUID id, Long expectedVersion, String reason) {
        return closeAs(id, expectedVersion, StageKind.LOST, reason);
    }

    /**
     * Open deals that have stayed in their stage longer than its time limit, most
     * overdue first, within the caller's scope: for alerts, the Kanban and the rules' timers
     * (which call it as the tenant's system actor and so see every deal).
     */
    public List<StuckDeal> stuckDeals(Instant now) {
        return tx.read(work -> {
            ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.OPPORTUNITY);
            List<Stage> limited = work.em().createQuery("select s from Stage s where s.kind = :open and s.timeLimitDays is not null",
                    Stage.class).setParameter("open", StageKind.OPEN).getResultList();
            List<StuckDeal> stuck = new ArrayList<>();
            for (Stage stage : limited) {
                Instant cutoff = now.minus(Duration.ofDays(stage.getTimeLimitDays()));
                scope.bind(work.em().createQuery("select o from Opportunity o where " + scope.predicate("o.ownerId")
                                + " and o.status = :open and o.stageId = :stage and o.stageEnteredAt < :cutoff", Opportunity.class))
                        .setParameter("open", OpportunityStatus.OPEN)
                        .setParameter("stage", stage.getId())
                        .setParameter("cutoff", cutoff)
                        .getResultStream()
                        .forEach(o -> stuck.add(StuckDeal.of(o, stage, now)));
            }
            stuck.sort(Comparator.comparing(StuckDeal::stageEnteredAt).thenComparing(StuckDeal::opportunityId));
            return List.copyOf(stuck);
        });
    }

    /** Every stay of the deal in a stage, in order, from its recorded stage changes. */
    public List<StageDuration> timeInStages(UUID id, Instant now) {
        return tx.read(work -> {
            Opportunity o = load(work, id, Action.READ);
            List<StageChange> changes = work.em().createQuery("select c from StageChange c where c.opportunityId = :id"
                    + " order by c.changedAt, c.id", StageChange.class).setParameter("id", id).getResultList();
            Map<UUID, Stage> stages = stagesById(work);
            List<StageDuration> stays = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                StageChange c = changes.get(i);
                Instant left = i + 1 < changes.size() ? changes.get(i + 1).getChangedAt() : null;
                Stage stage = stages.get(c.getToStageId());
                Duration stayed = left != null ? Duration.between(c.getChangedAt(), left)
                        : o.getStatus() == OpportunityStatus.OPEN ? Duration.between(c.getChangedAt(), now) : Duration.ZERO;
                stays.add(new StageDuration(c.getToStageId(), stage == null ? null : stage.getName(), c.getChangedAt(), left, stayed));
            }
            return List.copyOf(stays);
        });
    }

    public List<StageChangeView> history(UUID id) {
        return tx.read(work -> {
            load(work, id, Action.READ);
            return work.em().createQuery("select c from StageChange c where c.opportunityId = :id order by c.changedAt, c.id", StageChange.class)
                    .setParameter("id", id).getResultStream().map(StageChangeView::of).toList();
        });
    }

    private OpportunityView closeAs(UUID id, Long expectedVersion, StageKind kind, String reason) {
        return tx.write(work -> {
            Opportunity o = load(work, id, Action.UPDATE);
            o.checkVersion(expectedVersion);
            moveTo(work, o, stageOfKind(work, o.getPipelineId(), kind), reason, false);
            return view(work, work.flushed(o));
        });
    }

    /**
     * Moves a deal to a stage of its pipeline inside a running unit of work. A manual move
     * ({@code automatic = false}) must bring the fields the stage asks for; an automatic one
     * (a quote accepted, a rule) cannot ask anyone, so it is recorded as automatic and not held up.
     * A lost stage always needs one of the tenant's lost reasons, stored in its configured spelling.
     */
    public static void moveTo(UnitOfWork work, Opportunity o, Stage target, String lostReason, boolean automatic) {
        if (o.getStatus() != OpportunityStatus.OPEN) {
            throw new ConflictException("opportunity.closed", o.getId());
        }
        if (!target.getPipelineId().equals(o.getPipelineId())) {
            throw ValidationException.of("stageId", "stage.not-in-pipeline");
        }
        if (target.getId().equals(o.getStageId())) {
            return;
        }
        String reason = Validator.trimToNull(lostReason);
        if (target.getKind() == StageKind.LOST) {
            if (reason == null) {
                throw ValidationException.of("lostReason", "validation.NotBlank");
            }
            reason = PipelineService.canonicalLostReason(work, reason)
                    .orElseThrow(() -> ValidationException.of("lostReason", "lost-reason.unknown"));
        }
        if (!automatic) {
            requireFieldsFor(PipelineService.stages(work, o.getPipelineId()), target, o);
        }
        UUID from = o.getStageId();
        o.setStageId(target.getId());
        o.setStageEnteredAt(work.now());
        recordChange(work, o, from, target.getId(), automatic);
        work.audit("STAGE", RecordType.OPPORTUNITY, o.getId(), target.getName() + (automatic ? " (automatic)" : ""));
        work.publish(new OpportunityEvents.OpportunityStageChanged(work.tenantId(), work.now(), work.username(), o.getId(), from, target.getId()));
        if (target.getKind() == StageKind.WON) {
            o.setStatus(OpportunityStatus.WON);
            o.setClosedAt(work.now());
            work.publish(new OpportunityEvents.OpportunityWon(work.tenantId(), work.now(), work.username(), o.getId(), o.getAmount()));
        } else if (target.getKind() == StageKind.LOST) {
            o.setStatus(OpportunityStatus.LOST);
            o.setLostReason(reason);
            o.setClosedAt(work.now());
            work.publish(new OpportunityEvents.OpportunityLost(work.tenantId(), work.now(), work.username(), o.getId(), reason));
        }
    }

    /** The pipeline's (single) stage of a kind: its won stage, or its first lost or open stage. */
    public static Stage stageOfKind(UnitOfWork work, UUID pipelineId, StageKind kind) {
        return PipelineService.stages(work, pipelineId).stream().filter(s -> s.getKind() == kind).findFirst()
                .orElseThrow(() -> new ConflictException("pipeline.no-stage-of-kind", kind));
    }

    /**
     * The fields a move to {@code target} needs: the target's own and, unless it is a lost stage,
     * those of every open stage before it, so skipping a stage does not skip its requirements.
     */
    static void requireFieldsFor(List<Stage> pipelineStages, Stage target, Opportunity o) {
        Set<DealField> required = EnumSet.noneOf(DealField.class);
        required.addAll(target.getRequiredFields());
        if (target.getKind() != StageKind.LOST) {
            pipelineStages.stream().filter(s -> s.getKind() == StageKind.OPEN && s.getPosition() < target.getPosition())
                    .forEach(s -> required.addAll(s.getRequiredFields()));
        }
        Validator.require(required.stream().filter(f -> !f.isPresentIn(o))
                .map(f -> new ValidationException.FieldError(f.fieldName(), "stage.field-required"))
                .toList());
    }

    /** A stage removed by the admin: its deals go to another stage of the same kind, recorded as automatic. */
    static void relocate(UnitOfWork work, Opportunity o, Stage target) {
        UUID from = o.getStageId();
        o.setStageId(target.getId());
        if (o.getStatus() == OpportunityStatus.OPEN) {
            o.setStageEnteredAt(work.now());
        }
        recordChange(work, o, from, target.getId(), true);
        work.audit("STAGE", RecordType.OPPORTUNITY, o.getId(), target.getName() + " (stage removed)");
    }

    public static Opportunity load(UnitOfWork work, UUID id, Action action) {
        return work.load(Opportunity.class, RecordType.OPPORTUNITY, id, action, Opportunity::getOwnerId);
    }

    static Map<UUID, Stage> stagesById(UnitOfWork work) {
        return work.em().createQuery("select s from Stage s", Stage.class).getResultStream()
                .collect(Collectors.toMap(Stage::getId, Function.identity()));
    }

    public static OpportunityView view(UnitOfWork work, Opportunity o) {
        return OpportunityView.of(o, work.em().find(Stage.class, o.getStageId()));
    }

    private static void recordChange(UnitOfWork work, Opportunity o, UUID from, UUID to, boolean automatic) {
        StageChange change = new StageChange();
        change.setOpportunityId(o.getId());
        change.setFromStageId(from);
        change.setToStageId(to);
        change.setChangedAt(work.now());
        change.setChangedBy(work.username());
        change.setAutomatic(automatic);
        work.em().persist(change);
        // The stage-visit summary the reports read: the move ends the deal's current stay and begins the next.
        if (from != null) {
            work.em().createQuery("select v from StageVisit v where v.opportunityId = :id and v.leftAt is null", StageVisit.class)
                    .setParameter("id", o.getId()).getResultList().forEach(v -> v.setLeftAt(change.getChangedAt()));
        }
        StageVisit visit = new StageVisit();
        visit.setOpportunityId(o.getId());
        visit.setStageId(to);
        visit.setEnteredAt(change.getChangedAt());
        work.em().persist(visit);
    }

    private static void apply(OpportunityDraft d, Opportunity o) {
        o.setName(d.name().strip());
        o.setAccountId(d.accountId());
        o.setContactId(d.contactId());
        o.setAmount(d.amount());
        o.setCurrency(d.currency() == null ? "EUR" : d.currency());
        o.setExpectedCloseDate(d.expectedCloseDate());
        o.setDescription(Validator.trimToNull(d.description()));
    }
}
