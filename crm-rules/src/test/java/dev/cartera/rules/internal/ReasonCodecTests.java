package dev.cartera.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.rules.Criterion;
import dev.cartera.rules.Operator;
import dev.cartera.rules.Reason;
import dev.cartera.rules.ReasonCode;
import dev.cartera.rules.Trigger;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history keeps reasons with their argument types, so they are shown in the reader's language years later. */
class ReasonCodecTests {

    @Test
    void everyKindOfArgumentComesBackAsItWent() {
        List<Reason> reasons = List.of(
                Reason.of(ReasonCode.AUTOMATION_MATCHED, "Seguimiento «web»", Trigger.QUOTE_SENT,
                        List.of(Criterion.of("province", Operator.IN, "Barcelona", "Girona"), Criterion.of("custom.sector", Operator.IS_EMPTY))),
                Reason.of(ReasonCode.TASK_PLANNED, ActivityType.CALL, "Llamar a \"Bar\"", "rep",
                        Reason.of(ReasonCode.LEAST_LOADED, "rep", 3L, 0L, 3L)),
                Reason.of(ReasonCode.TIMER_NOT_DUE, "Avisar", Reason.of(ReasonCode.QUOTE_NOT_EXPIRING_YET, 9L, 3L, LocalDate.of(2026, 12, 24))),
                Reason.of(ReasonCode.TASK_NOT_OVERDUE_YET, Instant.parse("2026-12-03T10:15:30Z")),
                Reason.of(ReasonCode.DEAL_CLOSED, OpportunityStatus.LOST),
                Reason.of(ReasonCode.NO_SUCH_RECORD, RecordType.QUOTE),
                new Reason(ReasonCode.TERRITORY_NO_ENTRY, Arrays.asList(null, "08001")),
                Reason.of(ReasonCode.LEAST_LOADED, "ana", 1L, 2L, new BigDecimal("2.5")),
                Reason.of(ReasonCode.EMAIL_SKIPPED, "Hola", new Reason.Field("custom.zona")));

        String stored = ReasonCodec.write(reasons, 2000);

        assertThat(ReasonCodec.read(stored)).contains(reasons);
    }

    @Test
    void olderEnglishTextIsNotReadAsReasons() {
        assertThat(ReasonCodec.read("round-robin turn in the team: rep")).isEmpty();
        assertThat(ReasonCodec.read("[not json")).isEmpty();
        assertThat(ReasonCodec.read(null)).isEmpty();
    }

    @Test
    void whatDoesNotFitLosesWholeReasonsFromTheEnd() {
        Reason a = Reason.of(ReasonCode.EMAIL_PLANNED, "x".repeat(100), "a@example.es");
        Reason b = Reason.of(ReasonCode.EMAIL_PLANNED, "y".repeat(100), "b@example.es");
        String one = ReasonCodec.write(List.of(a), 2000);

        String cut = ReasonCodec.write(List.of(a, b), one.length() + 10);

        assertThat(cut).isEqualTo(one);
        assertThat(ReasonCodec.read(cut)).contains(List.of(a));
    }
}
