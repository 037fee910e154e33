package dev.cartera.core.board;

import dev.cartera.core.opportunity.StageKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The Kanban read model of one pipeline: a column per stage with its figures and cards, as of {@code asOf}. */
public record Board(UUID pipelineId, String pipelineName, Instant asOf, List<Column> columns) {
    public Board {
        columns = List.copyOf(columns);
    }

    /** A stage: how many deals, their amount and their amount weighted by the stage's win probability. */
    public record Column(UUID stageId, String name, StageKind kind, int probability, Integer timeLimitDays, int count,
            BigDecimal amount, BigDecimal weightedAmount, List<Card> cards) {
        public Column {
            cards = List.copyOf(cards);
        }
    }

    /** A deal on the board, with its timer: whole days in the stage and whether it is past the stage's limit. */
    public record Card(UUID opportunityId, long version, String name, UUID accountId, String accountName, BigDecimal amount,
            String currency, UUID ownerId, String ownerName, LocalDate expectedCloseDate, long daysInStage, boolean overLimit) {
    }
}
