package dev.cartera.core.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.catalog.TaxKind;
import dev.cartera.core.catalog.TaxRate;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.quote.QuoteCalculation.TaxLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the rounding policy written in {@link QuoteCalculator}'s Javadoc. */
class QuoteCalculatorTests {
    static final TaxRate IVA21 = TaxRate.of("IVA21", TaxKind.IVA, "21");
    static final TaxRate IVA10 = TaxRate.of("IVA10", TaxKind.IVA, "10");
    static final TaxRate RE52 = TaxRate.of("RE5.2", TaxKind.RECARGO_EQUIVALENCIA, "5.2");

    @Test
    void roundsEachLineOnceAndTaxesOncePerRateOnTheSummedBase() {
        // Three lines of 0.125 € at 21 %: per-line tax would be 3 × 0.03 = 0.09; per rate it is 0.38 × 21 % = 0.08.
        QuoteCalculation c = QuoteCalculator.calculate(QuoteInput.of(List.of(
                QuoteLineInput.oneOff("Tornillo", "1", "0.125", IVA21),
                QuoteLineInput.oneOff("Tornillo", "1", "0.125", IVA21),
                QuoteLineInput.oneOff("Tornillo", "1", "0.125", IVA21))));

        assertThat(c.lines()).extracting(l -> l.total().toPlainString()).containsOnly("0.13");
        assertThat(c.oneOff().net()).isEqualByComparingTo("0.39");
        assertThat(c.oneOff().taxes()).singleElement().satisfies(t -> {
            assertThat(t.base()).isEqualByComparingTo("0.39");
            assertThat(t.tax()).isEqualByComparingTo("0.08");
        });
        assertThat(c.oneOff().gross()).isEqualByComparingTo("0.47");
    }

    @Test
    void appliesLineDiscountsAndSpreadsAGlobalAmountOverOneOffLinesByLargestRemainder() {
        QuoteCalculation c = QuoteCalculator.calculate(QuoteInput.of(List.of(
                QuoteLineInput.oneOff("Ordenador", "2", "499.99", IVA21).withDiscountPercent("10"),
                QuoteLineInput.oneOff("Libro", "3", "20", IVA10).withDiscountAmount("5"),
                QuoteLineInput.recurring("Soporte", "1", "30", IVA21, RecurrencePeriod.MONTHLY)))
                .withGlobalDiscountAmount("10"));

        // 999.98 − 10 % = 899.982 → 899.98; 60 − 5 = 55.00. 10 € over 954.98: 9.4240… and 0.5759… → 9.42 + 0.58.
        assertThat(c.lines().get(0).net()).isEqualByComparingTo("899.98");
        assertThat(c.lines().get(0).lineDiscount()).isEqualByComparingTo("100.00");
        assertThat(c.lines().get(1).net()).isEqualByComparingTo("55.00");
        assertThat(c.lines().get(0).globalDiscountShare()).isEqualByComparingTo("9.42");
        assertThat(c.lines().get(1).globalDiscountShare()).isEqualByComparingTo("0.58");
        assertThat(c.lines().get(2).globalDiscountShare()).isEqualByComparingTo("0");
        assertThat(c.oneOff().net()).isEqualByComparingTo("944.98");
        assertThat(c.oneOff().taxes()).extracting(TaxLine::code, t -> t.base().toPlainString(), t -> t.tax().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IVA21", "890.56", "187.02"),
                        org.assertj.core.groups.Tuple.tuple("IVA10", "54.42", "5.44"));
        assertThat(c.oneOff().gross()).isEqualByComparingTo("1137.44");
        assertThat(c.recurringMonthly().net()).isEqualByComparingTo("30.00");
        assertThat(c.recurringMonthly().gross()).isEqualByComparingTo("36.30");
        assertThat(c.recurringYearly().net()).isEqualByComparingTo("360.00");
        assertThat(c.recurringYearly().gross()).isEqualByComparingTo("435.60");
    }

    @Test
    void normalisesQuarterlyAndYearlyItemsToMonthlyAndYearlyFigures() {
        QuoteCalculation c = QuoteCalculator.calculate(QuoteInput.of(List.of(
                QuoteLineInput.recurring("Mantenimiento", "1", "100", IVA21, RecurrencePeriod.QUARTERLY),
                QuoteLineInput.recurring("Dominio", "1", "120", IVA21, RecurrencePeriod.YEARLY))).withGlobalDiscountPercent("5"));

        // 95.00 a quarter → 31.67 a month, 380.00 a year; 114.00 a year → 9.50 a month.
        assertThat(c.lines()).extracting(l -> l.monthly().toPlainString()).containsExactly("31.67", "9.50");
        assertThat(c.recurringMonthly().net()).isEqualByComparingTo("41.17");
        assertThat(c.recurringYearly().net()).isEqualByComparingTo("494.00");
        assertThat(c.recurringYearly().tax()).isEqualByComparingTo("103.74");
        assertThat(c.oneOff().net()).isZero();
        assertThat(c.oneOff().taxes()).isEmpty();
    }

    @Test
    void addsRecargoDeEquivalenciaOnTheBaseOfItsIva() {
        QuoteCalculation c = QuoteCalculator.calculate(QuoteInput.of(List.of(
                QuoteLineInput.oneOff("Camisetas", "10", "8.50", IVA21).withSurcharge(RE52))));

        assertThat(c.oneOff().taxes()).extracting(TaxLine::code, t -> t.tax().toPlainString(), TaxLine::surcharge)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IVA21", "17.85", false),
                        org.assertj.core.groups.Tuple.tuple("RE5.2", "4.42", true));
        assertThat(c.oneOff().gross()).isEqualByComparingTo("107.27");
    }

    @Test
    void refusesDiscountsBeyondTheAmountAndBothKindsAtOnce() {
        assertThatThrownBy(() -> QuoteCalculator.calculate(QuoteInput.of(List.of(
                QuoteLineInput.oneOff("A", "1", "10", IVA21).withDiscountAmount("10.01")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new ValidationException.FieldError("lines[0].discountAmount", "quote.discount.exceeds-line")));
        assertThatThrownBy(() -> QuoteCalculator.calculate(QuoteInput.of(List.of(
                QuoteLineInput.recurring("B", "1", "10", IVA21, RecurrencePeriod.MONTHLY))).withGlobalDiscountAmount("1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).code())
                        .isEqualTo("quote.discount.exceeds-total"));
        assertThatThrownBy(() -> QuoteCalculator.calculate(new QuoteInput("EUR", List.of(
                QuoteLineInput.oneOff("C", "0", "10", IVA21)), java.math.BigDecimal.ONE, java.math.BigDecimal.ONE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field)
                        .containsExactlyInAnyOrder("globalDiscountAmount", "lines[0].quantity"));
    }
}
