package dev.cartera.core.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.catalog.TaxKind;
import dev.cartera.core.catalog.TaxRate;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.quote.QuoteCalculation.LineResult;
import dev.cartera.core.quote.QuoteCalculation.Section;
import dev.cartera.core.quote.QuoteCalculation.TaxLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The calculator's invariants over random quotes: totals add up, taxes cover the net, order and mixing do not matter. */
class QuoteCalculatorProperties {
    private static final List<TaxRate> TAXES = List.of(
            TaxRate.of("IVA21", TaxKind.IVA, "21"), TaxRate.of("IVA10", TaxKind.IVA, "10"),
            TaxRate.of("IVA4", TaxKind.IVA, "4"), TaxRate.of("IVA0", TaxKind.IVA, "0"),
            TaxRate.of("IGIC7", TaxKind.IGIC, "7"), TaxRate.of("IGIC3", TaxKind.IGIC, "3"),
            new TaxRate("EXENTO", TaxKind.EXEMPT, BigDecimal.ZERO, "Operación exenta"));
    private static final TaxRate RE52 = TaxRate.of("RE5.2", TaxKind.RECARGO_EQUIVALENCIA, "5.2");

    @Provide
    Arbitrary<QuoteLineInput> line() {
        Arbitrary<BigDecimal> quantity = Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("1000")).ofScale(4);
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("20000")).ofScale(4);
        Arbitrary<BigDecimal> percent = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2);
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("500")).ofScale(2);
        Arbitrary<Integer> discountKind = Arbitraries.integers().between(0, 2);
        Arbitrary<RecurrencePeriod> period = Arbitraries.of(RecurrencePeriod.class).injectNull(0.5);
        return Combinators.combine(quantity, price, percent, amount, discountKind, Arbitraries.of(TAXES), Arbitraries.of(true, false), period)
                .as((q, p, pct, amt, kind, tax, surcharge, per) -> new QuoteLineInput("x", q, p,
                        kind == 1 ? pct : null, kind == 2 ? amt : null, tax,
                        surcharge && tax.kind() == TaxKind.IVA ? RE52 : null,
                        per == null ? Billing.ONE_OFF : Billing.RECURRING, per));
    }

    @Provide
    Arbitrary<QuoteInput> quote() {
        Arbitrary<List<QuoteLineInput>> lines = line().list().ofMinSize(0).ofMaxSize(12);
        Arbitrary<BigDecimal> percent = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2);
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("3000")).ofScale(2);
        return Combinators.combine(lines, percent, amount, Arbitraries.integers().between(0, 2))
                .as((l, pct, amt, kind) -> new QuoteInput("EUR", l, kind == 1 ? pct : null, kind == 2 ? amt : null));
    }

    @Property(tries = 300)
    void lineTotalsAddUpToTheSectionTotals(@ForAll("quote") QuoteInput input) {
        QuoteCalculation c = calculateOrSkip(input);
        assertThat(c.oneOff().net()).isEqualByComparingTo(sum(c, Billing.ONE_OFF, LineResult::total));
        assertThat(c.recurringMonthly().net()).isEqualByComparingTo(sum(c, Billing.RECURRING, LineResult::monthly));
        assertThat(c.recurringYearly().net()).isEqualByComparingTo(sum(c, Billing.RECURRING, LineResult::yearly));
        for (Section s : List.of(c.oneOff(), c.recurringMonthly(), c.recurringYearly())) {
            BigDecimal taxes = s.taxes().stream().map(TaxLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(s.tax()).isEqualByComparingTo(taxes);
            assertThat(s.gross()).isEqualByComparingTo(s.net().add(taxes));
        }
        for (LineResult l : c.lines()) {
            assertThat(l.gross().subtract(l.lineDiscount()).subtract(l.globalDiscountShare())).isEqualByComparingTo(l.total());
        }
    }

    @Property(tries = 300)
    void theTaxBasesOfEachSectionAddUpToItsNet(@ForAll("quote") QuoteInput input) {
        QuoteCalculation c = calculateOrSkip(input);
        for (Section s : List.of(c.oneOff(), c.recurringMonthly(), c.recurringYearly())) {
            BigDecimal bases = s.taxes().stream().filter(t -> !t.surcharge()).map(TaxLine::base).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(bases).isEqualByComparingTo(s.net());
        }
    }

    @Property(tries = 300)
    void aDiscountNeverMakesALineNegative(@ForAll("quote") QuoteInput input) {
        try {
            QuoteCalculation c = QuoteCalculator.calculate(input);
            assertThat(c.lines()).allSatisfy(l -> {
                assertThat(l.net().signum()).isNotNegative();
                assertThat(l.total().signum()).isNotNegative();
                assertThat(l.globalDiscountShare()).isLessThanOrEqualTo(l.net());
            });
            if (input.globalDiscountAmount() != null) {
                assertThat(c.lines().stream().map(LineResult::globalDiscountShare).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo(input.globalDiscountAmount());
            }
        } catch (ValidationException refused) {
            assertThat(refused.errors()).extracting(ValidationException.FieldError::code)
                    .containsAnyOf("quote.discount.exceeds-line", "quote.discount.exceeds-total");
        }
    }

    @Property(tries = 300)
    void theOrderOfTheLinesDoesNotChangeTheTotals(@ForAll("quote") QuoteInput input, @ForAll long seed) {
        QuoteCalculation c = calculateOrSkip(input);
        List<QuoteLineInput> shuffled = new ArrayList<>(input.lines());
        Collections.shuffle(shuffled, new Random(seed));
        QuoteCalculation d = QuoteCalculator.calculate(new QuoteInput(input.currency(), shuffled,
                input.globalDiscountPercent(), input.globalDiscountAmount()));
        assertThat(d.oneOff()).isEqualTo(c.oneOff());
        assertThat(d.recurringMonthly()).isEqualTo(c.recurringMonthly());
        assertThat(d.recurringYearly()).isEqualTo(c.recurringYearly());
    }

    @Property(tries = 300)
    void recurringAndOneOffItemsNeverMix(@ForAll("quote") QuoteInput input) {
        QuoteCalculation c = calculateOrSkip(input);
        List<QuoteLineInput> recurring = input.lines().stream().filter(QuoteLineInput::recurring).toList();
        List<QuoteLineInput> oneOff = input.lines().stream().filter(l -> !l.recurring()).toList();
        QuoteCalculation onlyRecurring = QuoteCalculator.calculate(new QuoteInput("EUR", recurring, input.globalDiscountPercent(), null));
        QuoteCalculation onlyOneOff = QuoteCalculator.calculate(new QuoteInput("EUR", oneOff, input.globalDiscountPercent(),
                input.globalDiscountAmount()));
        assertThat(c.recurringMonthly()).isEqualTo(onlyRecurring.recurringMonthly());
        assertThat(c.recurringYearly()).isEqualTo(onlyRecurring.recurringYearly());
        assertThat(c.oneOff()).isEqualTo(onlyOneOff.oneOff());
        assertThat(onlyRecurring.oneOff().net()).isZero();
        assertThat(onlyOneOff.recurringYearly().net()).isZero();
    }

    private static QuoteCalculation calculateOrSkip(QuoteInput input) {
        try {
            return QuoteCalculator.calculate(input);
        } catch (ValidationException refused) {
            Assume.that(false);
            throw refused;
        }
    }

    private static BigDecimal sum(QuoteCalculation c, Billing billing, Function<LineResult, BigDecimal> amount) {
        return c.lines().stream().filter(l -> l.billing() == billing).map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
