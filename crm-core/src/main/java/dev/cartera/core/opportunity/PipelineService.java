package dev.cartera.core.opportunity;

import dev.cartera.core.access.Action;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import java.util.List;
import java.util.UUID;

/**
 * Pipelines and their stages. A tenant without any gets the default Spanish pipeline of KD-3 the
 * first time one is needed: En análisis → Oferta presentada → En negociación → Ganada / Cancelada.
 */
public final class PipelineService {
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

    static List<Stage> stages(UnitOfWork work, UUID pipelineId) {
        return work.em().createQuery("select s from Stage s where s.pipelineId = :p order by s.position", Stage.class)
                .setParameter("p", pipelineId).getResultList();
    }

    static PipelineView view(UnitOfWork work, Pipeline p) {
        return new PipelineView(p.getId(), p.getName(), p.isDefaultPipeline(),
                stages(work, p.getId()).stream().map(StageView::of).toList());
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
