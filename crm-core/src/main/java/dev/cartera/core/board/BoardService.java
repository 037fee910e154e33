package dev.cartera.core.board;

import dev.cartera.core.access.Action;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.opportunity.Opportunity;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.opportunity.PipelineService;
import dev.cartera.core.opportunity.PipelineView;
import dev.cartera.core.opportunity.StageKind;
import dev.cartera.core.opportunity.StageView;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The Kanban board: the deals of a pipeline the caller may see, in a column per stage, with
 * count, amount and weighted amount per column and each card's time in stage against the stage's
 * limit. Open deals always show; won and lost ones for a recent period.
 */
public final class BoardService {
    private final Transactions tx;
    private final PipelineService pipelines;

    public BoardService(Transactions tx, PipelineService pipelines) {
        this.tx = tx;
        this.pipelines = pipelines;
    }

    public Board board(UUID pipelineId, BoardFilter filter) {
        PipelineView pipeline = pipelines.get(pipelineId);
        return tx.read(work -> {
            Instant now = work.now();
            ScopeFilter scope = work.scopeFilter(Action.READ, RecordType.OPPORTUNITY);
            StringBuilder jpql = new StringBuilder("select o from Opportunity o where ").append(scope.predicate("o.ownerId"))
                    .append(" and o.pipelineId = :pipeline and (o.status = :open or o.closedAt >= :since)");
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("pipeline", pipelineId);
            parameters.put("open", OpportunityStatus.OPEN);
            parameters.put("since", now.minus(Duration.ofDays(filter.closedWithinDays())));
            if (filter.ownerId() != null) {
                jpql.append(" and o.ownerId = :owner");
                parameters.put("owner", filter.ownerId());
            }
            if (filter.teamId() != null) {
                jpql.append(" and o.ownerId in (select u.id from CrmUser u where u.teamId = :team)");
                parameters.put("team", filter.teamId());
            }
            if (filter.productId() != null) {
                jpql.append(" and exists (select l.id from QuoteLine l, Quote q where l.quoteId = q.id and q.opportunityId = o.id"
                        + " and l.productId = :product)");
                parameters.put("product", filter.productId());
            }
            jpql.append(" order by o.stageEnteredAt, o.id");
            TypedQuery<Opportunity> query = scope.bind(work.em().createQuery(jpql.toString(), Opportunity.class));
            parameters.forEach(query::setParameter);
            List<Opportunity> deals = query.getResultList();

            Map<UUID, String> accounts = names(work, "select a.id, a.name from Account a where a.id in :ids",
                    deals.stream().map(Opportunity::getAccountId).filter(Objects::nonNull).distinct().toList());
            Map<UUID, String> owners = names(work, "select u.id, u.displayName from CrmUser u where u.id in :ids",
                    deals.stream().map(Opportunity::getOwnerId).filter(Objects::nonNull).distinct().toList());

            Map<UUID, List<Board.Card>> cards = new LinkedHashMap<>();
            pipeline.stages().forEach(s -> cards.put(s.id(), new ArrayList<>()));
            for (Opportunity o : deals) {
                StageView stage = pipeline.stage(o.getStageId()).orElse(null);
                if (stage == null) {
                    continue;
                }
                OpportunityView v = OpportunityView.of(o, null);
                boolean over = o.getStatus() == OpportunityStatus.OPEN && stage.timeLimitDays() != null
                        && v.timeInStage(now).compareTo(Duration.ofDays(stage.timeLimitDays())) > 0;
                cards.get(stage.id()).add(new Board.Card(o.getId(), o.getVersion(), o.getName(), o.getAccountId(),
                        accounts.get(o.getAccountId()), o.getAmount(), o.getCurrency(), o.getOwnerId(), owners.get(o.getOwnerId()),
                        o.getExpectedCloseDate(), v.daysInStage(now), over));
            }
            List<Board.Column> columns = new ArrayList<>();
            for (StageView s : pipeline.stages()) {
                List<Board.Card> stageCards = cards.get(s.id());
                if (s.kind() != StageKind.OPEN) {
                    stageCards.sort(Comparator.comparing(Board.Card::daysInStage));
                }
                BigDecimal amount = stageCards.stream().map(Board.Card::amount).filter(Objects::nonNull)
                        .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
                BigDecimal weighted = amount.multiply(BigDecimal.valueOf(s.probability())).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
                columns.add(new Board.Column(s.id(), s.name(), s.kind(), s.probability(), s.timeLimitDays(), stageCards.size(), amount,
                        weighted, stageCards));
            }
            return new Board(pipeline.id(), pipeline.name(), now, columns);
        });
    }

    private static Map<UUID, String> names(UnitOfWork work, String jpql, List<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            work.em().createQuery(jpql, Object[].class).setParameter("ids", ids).getResultStream()
                    .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        }
        return names;
    }
}
