package dev.cartera.core.opportunity;

import dev.cartera.core.access.Action;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.ValidationException.FieldError;
import dev.cartera.core.common.Validator;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Pipelines, their stages and the lost reasons, configured per tenant by admins without a redeploy.
 * A tenant without any gets the default Spanish pipeline of KD-3 the first time one is needed:
 * En análisis → Oferta presentada → En negociación → Ganada / Cancelada, and the lost reasons
 * Precio, Competencia, Sin presupuesto, Sin respuesta, Otro.
 *
 * <p>Every pipeline keeps at least one open stage, exactly one won and at least one lost stage,
 * the closing stages after the open ones; a stage holding deals is removed only by moving them.
 */
public final class PipelineService {
    static final List<String> DEFAULT_LOST_REASONS = List.of("Precio", "Competencia", "Sin presupuesto", "Sin respuesta", "Otro");

    private final Transactions tx;

    public PipelineService(Transactions tx) {
        this.tx = tx;
    }

    public List<PipelineView> list() {
        return tx.write(work -> {
            work.require(Action.READ, RecordType.PIPELINE);
            defaultPipeline(work);
            return work.em().createQuery("select p from Pipeline p order by p.defaultPipeline desc, p.name", Pipeline.class)
                    .getResultStream().map(p -> view(work, p)).toList();
        });
    }

    public PipelineView get(UUID id) {
        return tx.read(work -> view(work, work.loadShared(Pipeline.class, RecordType.PIPELINE, id, Action.READ)));
    }

    public PipelineView defaultPipeline() {
        return tx.write(work -> {
            work.require(Action.READ, RecordType.PIPELINE);
            return view(work, defaultPipeline(work));
        });
    }

    public PipelineView create(PipelineDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.PIPELINE);
            defaultPipeline(work);
            Pipeline pipeline = new Pipeline();
            pipeline.setName(draft.name().strip());
            work.em().persist(pipeline);
            List<Stage> stages = new ArrayList<>();
            for (StageDraft d : draft.stages()) {
                Stage stage = new Stage();
                stage.setPipelineId(pipeline.getId());
                apply(d, stage);
                stages.add(stage);
            }
            renumber(stages);
            checkShape(stages);
            stages.forEach(work.em()::persist);
            work.audit("CREATE", RecordType.PIPELINE, pipeline.getId(), pipeline.getName());
            return view(work, work.flushed(pipeline));
        });
    }

    public PipelineView rename(UUID pipelineId, Long expectedVersion, String name) {
        String clean = Validator.trimToNull(name);
        if (clean == null || clean.length() > 120) {
            throw ValidationException.of("name", clean == null ? "validation.NotBlank" : "validation.Size");
        }
        return tx.write(work -> {
            Pipeline pipeline = work.loadShared(Pipeline.class, RecordType.PIPELINE, pipelineId, Action.UPDATE);
            pipeline.checkVersion(expectedVersion);
            pipeline.setName(clean);
            work.audit("RENAME", RecordType.PIPELINE, pipelineId, clean);
            return view(work, work.flushed(pipeline));
        });
    }

    /** Makes the pipeline the one new deals land in when they name none. */
    public PipelineView makeDefault(UUID pipelineId) {
        return tx.write(work -> {
            Pipeline pipeline = work.loadShared(Pipeline.class, RecordType.PIPELINE, pipelineId, Action.UPDATE);
            work.em().createQuery("select p from Pipeline p where p.defaultPipeline = true", Pipeline.class)
                    .getResultStream().forEach(p -> p.setDefaultPipeline(false));
            pipeline.setDefaultPipeline(true);
            work.audit("DEFAULT", RecordType.PIPELINE, pipelineId, pipeline.getName());
            return view(work, work.flushed(pipeline));
        });
    }

    /**
     * Adds a stage at a 1-based position (null: after the last open stage for an open one, at the
     * end for a closing one).
     */
    public PipelineView addStage(UUID pipelineId, Integer position, StageDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            Pipeline pipeline = work.loadShared(Pipeline.class, RecordType.PIPELINE, pipelineId, Action.UPDATE);
            List<Stage> stages = new ArrayList<>(stages(work, pipelineId));
            Stage stage = new Stage();
            stage.setPipelineId(pipelineId);
            apply(draft, stage);
            int index = position != null ? Math.max(0, Math.min(stages.size(), position - 1))
                    : draft.kind() == StageKind.OPEN
                            ? (int) stages.stream().filter(s -> s.getKind() == StageKind.OPEN).count()
                            : stages.size();
            stages.add(index, stage);
            renumber(stages);
            checkShape(stages);
            work.em().persist(stage);
            touch(work, pipeline);
            work.audit("STAGE_ADD", RecordType.PIPELINE, pipelineId, stage.getName());
            return view(work, work.flushed(pipeline));
        });
    }

    /** Changes a stage; its kind only while no deal sits in it (a deal's status follows its stage's kind). */
    public PipelineView updateStage(UUID stageId, Long expectedVersion, StageDraft draft) {
        Validator.valid(draft);
        return tx.write(work -> {
            Stage stage = loadStage(work, stageId, Action.UPDATE);
            stage.checkVersion(expectedVersion);
            if (stage.getKind() != draft.kind() && dealsIn(work, stageId) > 0) {
                throw new ConflictException("stage.has-deals", stageId, dealsIn(work, stageId));
            }
            apply(draft, stage);
            checkShape(stages(work, stage.getPipelineId()));
            Pipeline pipeline = work.em().find(Pipeline.class, stage.getPipelineId());
            touch(work, pipeline);
            work.audit("STAGE_UPDATE", RecordType.PIPELINE, pipeline.getId(), stage.getName());
            return view(work, work.flushed(pipeline));
        });
    }

    /** Puts the pipeline's stages in the given order; the list must name each of its stages once. */
    public PipelineView reorderStages(UUID pipelineId, List<UUID> stageIds) {
        return tx.write(work -> {
            Pipeline pipeline = work.loadShared(Pipeline.class, RecordType.PIPELINE, pipelineId, Action.UPDATE);
            List<Stage> current = stages(work, pipelineId);
            Set<UUID> known = new HashSet<>(current.stream().map(Stage::getId).toList());
            if (stageIds == null || stageIds.size() != known.size() || !known.equals(new HashSet<>(stageIds))) {
                throw ValidationException.of("stageIds", "pipeline.order.not-a-permutation");
            }
            List<Stage> ordered = stageIds.stream()
                    .map(id -> current.stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow()).toList();
            renumber(ordered);
            checkShape(ordered);
            touch(work, pipeline);
            work.audit("STAGE_ORDER", RecordType.PIPELINE, pipelineId, null);
            return view(work, work.flushed(pipeline));
        });
    }

    /**
     * Removes a stage. Deals in it must go somewhere: pass {@code moveDealsTo}, another stage of the
     * same pipeline and kind; each moved deal gets an automatic entry in its stage history.
     */
    public PipelineView removeStage(UUID stageId, UUID moveDealsTo) {
        return tx.write(work -> {
            Stage stage = loadStage(work, stageId, Action.DELETE);
            List<Stage> remaining = new ArrayList<>(stages(work, stage.getPipelineId()));
            remaining.removeIf(s -> s.getId().equals(stageId));
            checkShape(remaining);
            List<Opportunity> deals = work.em().createQuery("select o from Opportunity o where o.stageId = :s", Opportunity.class)
                    .setParameter("s", stageId).getResultList();
            if (!deals.isEmpty()) {
                if (moveDealsTo == null) {
                    throw new ConflictException("stage.has-deals", stageId, deals.size());
                }
                Stage target = remaining.stream().filter(s -> s.getId().equals(moveDealsTo)).findFirst()
                        .orElseThrow(() -> ValidationException.of("moveDealsTo", "stage.not-in-pipeline"));
                if (target.getKind() != stage.getKind()) {
                    throw ValidationException.of("moveDealsTo", "stage.kind-differs");
                }
                for (Opportunity o : deals) {
                    OpportunityService.relocate(work, o, target);
                }
                work.em().flush();
            }
            work.em().remove(stage);
            renumber(remaining);
            Pipeline pipeline = work.em().find(Pipeline.class, stage.getPipelineId());
            touch(work, pipeline);
            work.audit("STAGE_REMOVE", RecordType.PIPELINE, pipeline.getId(), stage.getName() + " (" + deals.size() + " deals moved)");
            return view(work, work.flushed(pipeline));
        });
    }

    /** The active lost reasons in display order, seeded with the Spanish defaults on first use. */
    public List<LostReasonView> lostReasons() {
        return tx.write(work -> {
            work.require(Action.READ, RecordType.PIPELINE);
            return lostReasons(work).stream().filter(LostReason::isActive).map(LostReasonView::of).toList();
        });
    }

    /** Every lost reason, retired ones too, for the admin's list. */
    public List<LostReasonView> allLostReasons() {
        return tx.write(work -> {
            work.require(Action.UPDATE, RecordType.PIPELINE);
            return lostReasons(work).stream().map(LostReasonView::of).toList();
        });
    }

    public LostReasonView addLostReason(String name) {
        String clean = lostReasonName(name);
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.PIPELINE);
            List<LostReason> existing = lostReasons(work);
            if (existing.stream().anyMatch(r -> r.getName().equalsIgnoreCase(clean))) {
                throw new ConflictException("lost-reason.duplicate", clean);
            }
            LostReason reason = new LostReason();
            reason.setName(clean);
            reason.setPosition(existing.stream().mapToInt(LostReason::getPosition).max().orElse(0) + 1);
            reason.setActive(true);
            work.em().persist(reason);
            work.audit("LOST_REASON_ADD", RecordType.PIPELINE, reason.getId(), clean);
            return LostReasonView.of(work.flushed(reason));
        });
    }

    public LostReasonView renameLostReason(UUID id, Long expectedVersion, String name) {
        String clean = lostReasonName(name);
        return tx.write(work -> {
            LostReason reason = work.loadShared(LostReason.class, RecordType.PIPELINE, id, Action.UPDATE);
            reason.checkVersion(expectedVersion);
            if (lostReasons(work).stream().anyMatch(r -> !r.getId().equals(id) && r.getName().equalsIgnoreCase(clean))) {
                throw new ConflictException("lost-reason.duplicate", clean);
            }
            reason.setName(clean);
            work.audit("LOST_REASON_RENAME", RecordType.PIPELINE, id, clean);
            return LostReasonView.of(work.flushed(reason));
        });
    }

    /** Retires or restores a reason; deals lost for it keep it, new ones can no longer pick it. */
    public LostReasonView setLostReasonActive(UUID id, boolean active) {
        return tx.write(work -> {
            LostReason reason = work.loadShared(LostReason.class, RecordType.PIPELINE, id, Action.UPDATE);
            reason.setActive(active);
            work.audit(active ? "LOST_REASON_RESTORE" : "LOST_REASON_RETIRE", RecordType.PIPELINE, id, reason.getName());
            return LostReasonView.of(work.flushed(reason));
        });
    }

    /** The tenant's default pipeline, created on first use (bootstrap, not an admin edit: no permission asked). */
    static Pipeline defaultPipeline(UnitOfWork work) {
        List<Pipeline> found = work.em().createQuery("select p from Pipeline p where p.defaultPipeline = true", Pipeline.class)
                .setMaxResults(1).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        Pipeline pipeline = new Pipeline();
        pipeline.setName("Ventas");
        pipeline.setDefaultPipeline(true);
        work.em().persist(pipeline);
        addStage(work, pipeline, 1, "En análisis", 10, 14, StageKind.OPEN);
        addStage(work, pipeline, 2, "Oferta presentada", 40, 14, StageKind.OPEN);
        addStage(work, pipeline, 3, "En negociación", 70, 21, StageKind.OPEN);
        addStage(work, pipeline, 4, "Ganada", 100, null, StageKind.WON);
        addStage(work, pipeline, 5, "Cancelada", 0, null, StageKind.LOST);
        work.audit("CREATE", RecordType.PIPELINE, pipeline.getId(), pipeline.getName());
        return pipeline;
    }

    /** The tenant's lost reasons in order, the Spanish defaults created on first use. */
    static List<LostReason> lostReasons(UnitOfWork work) {
        List<LostReason> found = work.em().createQuery("select r from LostReason r order by r.position, r.name", LostReason.class)
                .getResultList();
        if (!found.isEmpty()) {
            return found;
        }
        List<LostReason> seeded = new ArrayList<>();
        for (String name : DEFAULT_LOST_REASONS) {
            LostReason reason = new LostReason();
            reason.setName(name);
            reason.setPosition(seeded.size() + 1);
            reason.setActive(true);
            work.em().persist(reason);
            seeded.add(reason);
        }
        return seeded;
    }

    /** The configured spelling of an active lost reason, matched regardless of case and surrounding blanks. */
    static Optional<String> canonicalLostReason(UnitOfWork work, String reason) {
        String wanted = reason.strip().toLowerCase(Locale.ROOT);
        return lostReasons(work).stream().filter(LostReason::isActive)
                .filter(r -> r.getName().toLowerCase(Locale.ROOT).equals(wanted)).map(LostReason::getName).findFirst();
    }

    static List<Stage> stages(UnitOfWork work, UUID pipelineId) {
        return work.em().createQuery("select s from Stage s where s.pipelineId = :p order by s.position", Stage.class)
                .setParameter("p", pipelineId).getResultList();
    }

    static PipelineView view(UnitOfWork work, Pipeline p) {
        return new PipelineView(p.getId(), p.getName(), p.isDefaultPipeline(),
                stages(work, p.getId()).stream().sorted(Comparator.comparingInt(Stage::getPosition)).map(StageView::of).toList());
    }

    private static Stage loadStage(UnitOfWork work, UUID stageId, Action action) {
        return work.loadShared(Stage.class, RecordType.PIPELINE, stageId, action);
    }

    private static long dealsIn(UnitOfWork work, UUID stageId) {
        return work.em().createQuery("select count(o) from Opportunity o where o.stageId = :s", Long.class)
                .setParameter("s", stageId).getSingleResult();
    }

    private static void checkShape(List<Stage> stages) {
        List<FieldError> errors = new ArrayList<>();
        long open = stages.stream().filter(s -> s.getKind() == StageKind.OPEN).count();
        long won = stages.stream().filter(s -> s.getKind() == StageKind.WON).count();
        long lost = stages.stream().filter(s -> s.getKind() == StageKind.LOST).count();
        if (open < 1) {
            errors.add(new FieldError("stages", "pipeline.open-stage-required"));
        }
        if (won != 1) {
            errors.add(new FieldError("stages", "pipeline.one-won-stage-required"));
        }
        if (lost < 1) {
            errors.add(new FieldError("stages", "pipeline.lost-stage-required"));
        }
        List<Stage> ordered = stages.stream().sorted(Comparator.comparingInt(Stage::getPosition)).toList();
        boolean closingSeen = false;
        for (Stage s : ordered) {
            if (s.getKind() != StageKind.OPEN) {
                closingSeen = true;
            } else if (closingSeen) {
                errors.add(new FieldError("stages", "pipeline.closing-stages-last"));
                break;
            }
        }
        Set<String> names = new HashSet<>();
        for (Stage s : stages) {
            if (!names.add(s.getName().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("stages", "stage.name.duplicate"));
                break;
            }
        }
        Validator.require(errors);
    }

    private static void renumber(List<Stage> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).setPosition(i + 1);
        }
    }

    /** Stage edits bump the pipeline's version, so a stale pipeline screen is detected. */
    private static void touch(UnitOfWork work, Pipeline pipeline) {
        work.em().lock(pipeline, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    private static void apply(StageDraft d, Stage stage) {
        stage.setName(d.name().strip());
        stage.setProbability(d.probability());
        stage.setTimeLimitDays(d.timeLimitDays());
        stage.setKind(d.kind());
        stage.setRequiredFields(d.requiredFields());
    }

    private static String lostReasonName(String name) {
        String clean = Validator.trimToNull(name);
        if (clean == null || clean.length() > 120) {
            throw ValidationException.of("name", clean == null ? "validation.NotBlank" : "validation.Size");
        }
        return clean;
    }

    private static void addStage(UnitOfWork work, Pipeline pipeline, int position, String name, int probability, Integer limitDays, StageKind kind) {
        Stage stage = new Stage();
        stage.setPipelineId(pipeline.getId());
        stage.setName(name);
        stage.setPosition(position);
        stage.setProbability(probability);
        stage.setTimeLimitDays(limitDays);
        stage.setKind(kind);
        work.em().persist(stage);
    }
}
