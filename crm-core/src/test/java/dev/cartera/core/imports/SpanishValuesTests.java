package dev.cartera.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SpanishValuesTests {

    @Test
    void readsDecimalCommasAndThousandsDots() {
        assertThat(SpanishValues.decimal("1.234,56")).contains(new BigDecimal("1234.56"));
        assertThat(SpanishValues.decimal("1234,5")).contains(new BigDecimal("1234.5"));
        assertThat(SpanishValues.decimal("-1.234.567")).contains(new BigDecimal("-1234567"));
        assertThat(SpanishValues.decimal("1,234.56")).contains(new BigDecimal("1234.56"));
        assertThat(SpanishValues.decimal("12.50")).contains(new BigDecimal("12.50"));
        assertThat(SpanishValues.decimal(" 1.234,56 € ")).contains(new BigDecimal("1234.56"));
        assertThat(SpanishValues.decimal("1\u00A0234,5")).contains(new BigDecimal("1234.5"));
        assertThat(SpanishValues.decimal("doce")).isEmpty();
        assertThat(SpanishValues.decimal("1,2,3")).isEmpty();
        assertThat(SpanishValues.integer("1.200")).contains(1200);
        assertThat(SpanishValues.integer("12,5")).isEmpty();
    }

    @Test
    void readsDayFirstIsoAndExcelSerialDates() {
        assertThat(SpanishValues.date("31/12/2025")).contains(LocalDate.of(2025, 12, 31));
        assertThat(SpanishValues.date("1/2/25")).contains(LocalDate.of(2025, 2, 1));
        assertThat(SpanishValues.date("1/2/98")).contains(LocalDate.of(1998, 2, 1));
        assertThat(SpanishValues.date("05-03-2024")).contains(LocalDate.of(2024, 3, 5));
        assertThat(SpanishValues.date("05.03.2024 10:30")).contains(LocalDate.of(2024, 3, 5));
        assertThat(SpanishValues.date("2024-03-05")).contains(LocalDate.of(2024, 3, 5));
        assertThat(SpanishValues.date("2024-03-05T10:00:00")).contains(LocalDate.of(2024, 3, 5));
        assertThat(SpanishValues.date("45657")).contains(LocalDate.of(2024, 12, 31));
        assertThat(SpanishValues.date("1")).contains(LocalDate.of(1900, 1, 1));
        assertThat(SpanishValues.date("61")).contains(LocalDate.of(1900, 3, 1));
        assertThat(SpanishValues.date("31/02/2025")).isEmpty();
        assertThat(SpanishValues.date("ayer")).isEmpty();
    }
}
