package dev.cartera.reporting.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.core.common.ValidationException;
import dev.cartera.reporting.Highlight;
import dev.cartera.reporting.custom.ReportDefinition.Aggregate;
import dev.cartera.reporting.custom.ReportDefinition.Filter;
import dev.cartera.reporting.custom.ReportDefinition.FormatRule;
import dev.cartera.reporting.custom.ReportDefinition.MeasureSpec;
import dev.cartera.reporting.custom.ReportDefinition.Operator;
import dev.cartera.reporting.custom.ReportDefinition.SortSpec;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTests {

    private static List<String> codes(ReportDefinition d) {
        try {
            DefinitionValidator.validate(d, 1000);
            return List.of();
        } catch (ValidationException e) {
            return e.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
        }
    }

    @Test
    void acceptsAWellFormedGroupedReport() {
        ReportDefinition d = ReportDefinition.grouped(ReportSubject.OPPORTUNITIES, List.of("stage", "owner", "source"),
                List.of(MeasureSpec.count(), MeasureSpec.of(Aggregate.SUM, "amount"), MeasureSpec.of(Aggregate.MAX, "closedAt")),
                List.of(Filter.of("status", Operator.IN, "OPEN", "WON"), Filter.of("createdAt", Operator.BETWEEN, "2026-01-01", "2026-03-31")))
                .sortedBy(List.of(SortSpec.desc("sum_amount")))
                .formattedBy(List.of(new FormatRule("count", Operator.GT, "10", Highlight.RED)))
                .limitedTo(50);
        assertThatCode(() -> DefinitionValidator.validate(d, 1000)).doesNotThrowAnyException();
    }

    @Test
    void namesEveryBrokenPart() {
        ReportDefinition d = new ReportDefinition(ReportSubject.LEADS, List.of(), List.of(
                Filter.of("password", Operator.EQ, "x"),
                Filter.of("companySize", Operator.CONTAINS, "1"),
                Filter.of("status", Operator.EQ, "GONE"),
                Filter.of("createdAt", Operator.BETWEEN, "2026-01-01"),
                Filter.of("owner", Operator.EQ, "not-a-uuid")),
                List.of("source", "status", "owner", "city"),
                List.of(MeasureSpec.of(Aggregate.SUM, "company"), MeasureSpec.of(Aggregate.COUNT, "email")),
                List.of(SortSpec.asc("amount")), List.of(new FormatRule("nope", Operator.EQ, "1", Highlight.RED)), 5000);
        assertThat(codes(d)).containsExactlyInAnyOrder(
                "groupings:report.groupings.too-many",
                "measures[0].field:report.measure.type",
                "measures[1].field:report.measure.count-takes-no-field",
                "filters[0].field:report.field.unknown",
                "filters[1].operator:report.operator.unsupported",
                "filters[2].values:report.filter.value.invalid",
                "filters[3].values:report.filter.values.count",
                "filters[4].values:report.filter.value.invalid",
                "sort[0].key:report.field.unknown",
                "formatting[0].key:report.field.unknown",
                "limit:report.limit.range");
    }

    @Test
    void aListNeedsColumnsAndTakesNoMeasures() {
        ReportDefinition d = new ReportDefinition(ReportSubject.ACCOUNTS, List.of(), List.of(), List.of(),
                List.of(MeasureSpec.count()), List.of(), List.of(), null);
        assertThat(codes(d)).containsExactlyInAnyOrder("columns:report.columns.required", "measures:report.measures.need-groupings");
        assertThatThrownBy(() -> DefinitionValidator.validate(null, 10)).isInstanceOf(ValidationException.class);
    }

    /** Whatever text a caller sends as a field key, only whitelisted keys pass. */
    @Property(tries = 300)
    void onlyWhitelistedKeysPass(@ForAll String key, @ForAll ReportSubject subject) {
        boolean known = subject.fields().stream().anyMatch(f -> f.key().equals(key));
        ReportDefinition d = ReportDefinition.list(subject, List.of(key), List.of());
        assertThat(codes(d).isEmpty()).isEqualTo(known);
    }

    @Property(tries = 200)
    void filterValuesNeverBecomeQueryText(@ForAll String value) {
        ReportDefinition d = ReportDefinition.list(ReportSubject.LEADS, List.of("company"), List.of(Filter.of("company", Operator.EQ, value)));
        if (codes(d).isEmpty()) {
            // A valid text value only ever reaches the statement as a bound parameter: the whitelist SQL has no room for it.
            assertThat(ReportSubject.LEADS.field("company").orElseThrow().sql()).isEqualTo("x.company_name");
        }
    }
}
