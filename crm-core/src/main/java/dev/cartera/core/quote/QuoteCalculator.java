package dev.cartera.core.quote;

import dev.cartera.core.catalog.Billing;
import dev.cartera.core.catalog.RecurrencePeriod;
import dev.cartera.core.catalog.TaxRate;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.ValidationException.FieldError;
import dev.cartera.core.quote.QuoteCalculation.LineResult;
import dev.cartera.core.quote.QuoteCalculation.Section;
import dev.cartera.core.quote.QuoteCalculation.TaxLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The purchase simulation of KD-1: a quote's lines, discounts and Spanish taxes turned into
 * totals, in exact decimals and with no database. The same input always gives the same figures,
 * whatever the order of its lines.
 *
 * <h2>Rounding policy</h2>
 * Money is rounded to the currency's minor unit (cents for EUR) with {@link RoundingMode#HALF_UP},
 * at exactly these points and nowhere else:
 * <ol>
 * <li><b>Line net</b> = quantity × unit price − line discount (a percentage of that product or an
 *     amount, not both), computed exactly and rounded once. A discount above the line's amount is
 *     refused.</li>
 * <li><b>Global discount.</b> A percentage applies to every line, one-off and recurring: each line's
 *     share is its net × percentage, rounded per line. An amount is a one-time concession: it is
 *     rounded to cents and spread over the one-off lines in proportion to their nets by the
 *     largest-remainder method, so the shares add up to the amount exactly; the leftover cents go
 *     to the largest remainders, ties broken by the line's content (net, tax) and never by its
 *     position. An amount above the one-off net is refused.</li>
 * <li><b>Line total</b> = line net − its share of the global discount (already in cents).</li>
 * <li><b>Taxes per rate.</b> Within a section, line totals are summed per tax (code and rate) into
 *     that rate's base, and the tax is the base × rate rounded once per rate — never per line.
 *     Recargo de equivalencia works the same on the base of the IVA it goes with.</li>
 * <li><b>Recurring items.</b> The yearly section uses each line total × periods per year (12, 4 or
 *     1), which is exact. The monthly section uses each line total ÷ months per period (1, 3 or
 *     12) rounded per line, an equivalent for items billed quarterly or yearly.</li>
 * </ol>
 * Section gross = section net + the sum of its taxes.
 */
public final class QuoteCalculator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QuoteCalculator() {
    }

    public static QuoteCalculation calculate(QuoteInput input) {
        int scale = Currency.getInstance(input.currency() == null ? "EUR" : input.currency()).getDefaultFractionDigits();
        List<FieldError> errors = new ArrayList<>();
        validate(input, errors);
        require(errors);

        List<QuoteLineInput> lines = input.lines();
        int n = lines.size();
        BigDecimal[] gross = new BigDecimal[n];
        BigDecimal[] net = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            QuoteLineInput l = lines.get(i);
            BigDecimal exact = l.quantity().multiply(l.unitPrice());
            BigDecimal discount = l.discountPercent() != null ? exact.multiply(l.discountPercent()).divide(HUNDRED)
                    : l.discountAmount() != null ? l.discountAmount() : BigDecimal.ZERO;
            if (discount.compareTo(exact) > 0) {
                errors.add(new FieldError(field(i, l.discountPercent() != null ? "discountPercent" : "discountAmount"),
                        "quote.discount.exceeds-line"));
                continue;
            }
            gross[i] = round(exact, scale);
            net[i] = round(exact.subtract(discount), scale);
        }
        require(errors);

        BigDecimal[] share = globalShares(input, net, scale);
        List<LineResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            QuoteLineInput l = lines.get(i);
            BigDecimal total = net[i].subtract(share[i]);
            BigDecimal monthly = zero(scale);
            BigDecimal yearly = zero(scale);
            if (l.recurring()) {
                monthly = round(total.divide(BigDecimal.valueOf(monthsPer(l.period())), scale + 8, RoundingMode.HALF_UP), scale);
                yearly = total.multiply(BigDecimal.valueOf(12 / monthsPer(l.period())));
            }
            results.add(new LineResult(i, l.billing(), l.period(), gross[i], gross[i].subtract(net[i]), net[i], share[i], total,
                    monthly, yearly));
        }
        return new QuoteCalculation(input.currency() == null ? "EUR" : input.currency(), results,
                section(lines, results, Billing.ONE_OFF, LineResult::total, scale),
                section(lines, results, Billing.RECURRING, LineResult::monthly, scale),
                section(lines, results, Billing.RECURRING, LineResult::yearly, scale));
    }

    private static BigDecimal[] globalShares(QuoteInput input, BigDecimal[] net, int scale) {
        int n = net.length;
        BigDecimal[] share = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            share[i] = zero(scale);
        }
        if (input.globalDiscountPercent() != null && input.globalDiscountPercent().signum() > 0) {
            for (int i = 0; i < n; i++) {
                share[i] = round(net[i].multiply(input.globalDiscountPercent()).divide(HUNDRED), scale);
            }
        } else if (input.globalDiscountAmount() != null && input.globalDiscountAmount().signum() > 0) {
            BigDecimal amount = round(input.globalDiscountAmount(), scale);
            List<Integer> eligible = new ArrayList<>();
            BigDecimal base = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                if (!input.lines().get(i).recurring()) {
                    eligible.add(i);
                    base = base.add(net[i]);
                }
            }
            if (amount.compareTo(base) > 0) {
                throw ValidationException.of("globalDiscountAmount", "quote.discount.exceeds-total");
            }
            allocate(input, net, share, eligible, base, amount, scale);
        }
        return share;
    }

    /** Largest remainder: floor every exact share to the minor unit, then hand out the cents left. */
    private static void allocate(QuoteInput input, BigDecimal[] net, BigDecimal[] share, List<Integer> eligible,
            BigDecimal base, BigDecimal amount, int scale) {
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal[] remainder = new BigDecimal[net.length];
        BigDecimal given = BigDecimal.ZERO;
        for (int i : eligible) {
            BigDecimal exact = amount.multiply(net[i]).divide(base, scale + 12, RoundingMode.DOWN);
            share[i] = exact.setScale(scale, RoundingMode.DOWN);
            remainder[i] = exact.subtract(share[i]);
            given = given.add(share[i]);
        }
        long left = amount.subtract(given).divide(unit).longValueExact();
        Comparator<Integer> byContent = Comparator.<Integer, BigDecimal>comparing(i -> remainder[i]).reversed()
                .thenComparing(Comparator.<Integer, BigDecimal>comparing(i -> net[i]).reversed())
                .thenComparing(Comparator.<Integer, BigDecimal>comparing(i -> input.lines().get(i).tax().rate()).reversed())
                .thenComparing(i -> input.lines().get(i).tax().code())
                .thenComparing(i -> surchargeKey(input.lines().get(i)));
        List<Integer> order = eligible.stream().sorted(byContent).toList();
        for (int k = 0; k < left; k++) {
            int i = order.get(k);
            share[i] = share[i].add(unit);
        }
    }

    private static String surchargeKey(QuoteLineInput line) {
        return line.surcharge() == null ? "" : line.surcharge().code() + "@" + line.surcharge().rate().toPlainString();
    }

    private static Section section(List<QuoteLineInput> lines, List<LineResult> results, Billing billing,
            Function<LineResult, BigDecimal> amountOf, int scale) {
        Map<String, TaxBucket> taxes = new LinkedHashMap<>();
        Map<String, TaxBucket> surcharges = new LinkedHashMap<>();
        BigDecimal net = zero(scale);
        for (LineResult r : results) {
            QuoteLineInput l = lines.get(r.index());
            if (l.billing() != billing) {
                continue;
            }
            BigDecimal amount = amountOf.apply(r);
            net = net.add(amount);
            taxes.computeIfAbsent(key(l.tax()), k -> new TaxBucket(l.tax())).add(amount);
            if (l.surcharge() != null) {
                surcharges.computeIfAbsent(key(l.surcharge()), k -> new TaxBucket(l.surcharge())).add(amount);
            }
        }
        List<TaxLine> taxLines = new ArrayList<>();
        Comparator<TaxBucket> order = Comparator.comparing((TaxBucket b) -> b.rate.kind())
                .thenComparing(Comparator.comparing((TaxBucket b) -> b.rate.rate()).reversed())
                .thenComparing(b -> b.rate.code());
        taxes.values().stream().sorted(order).forEach(b -> taxLines.add(b.line(scale, false)));
        surcharges.values().stream().sorted(order).forEach(b -> taxLines.add(b.line(scale, true)));
        BigDecimal tax = taxLines.stream().map(TaxLine::tax).reduce(zero(scale), BigDecimal::add);
        return new Section(net.setScale(scale), taxLines, tax, net.add(tax).setScale(scale));
    }

    private static String key(TaxRate rate) {
        return rate.code() + "@" + rate.rate().toPlainString();
    }

    private static void validate(QuoteInput input, List<FieldError> errors) {
        if (input.globalDiscountPercent() != null && input.globalDiscountAmount() != null) {
            errors.add(new FieldError("globalDiscountAmount", "quote.discount.percent-or-amount"));
        }
        percent(input.globalDiscountPercent(), "globalDiscountPercent", errors);
        nonNegative(input.globalDiscountAmount(), "globalDiscountAmount", errors);
        for (int i = 0; i < input.lines().size(); i++) {
            QuoteLineInput l = input.lines().get(i);
            if (l.quantity() == null || l.quantity().signum() <= 0) {
                errors.add(new FieldError(field(i, "quantity"), "validation.Positive"));
            }
            if (l.unitPrice() == null || l.unitPrice().signum() < 0) {
                errors.add(new FieldError(field(i, "unitPrice"), "validation.PositiveOrZero"));
            }
            if (l.discountPercent() != null && l.discountAmount() != null) {
                errors.add(new FieldError(field(i, "discountAmount"), "quote.discount.percent-or-amount"));
            }
            percent(l.discountPercent(), field(i, "discountPercent"), errors);
            nonNegative(l.discountAmount(), field(i, "discountAmount"), errors);
            if (l.tax() == null || l.tax().rate().signum() < 0) {
                errors.add(new FieldError(field(i, "taxCode"), "validation.NotNull"));
            }
            if (l.billing() == null) {
                errors.add(new FieldError(field(i, "billing"), "validation.NotNull"));
            } else if (l.recurring() != (l.period() != null)) {
                errors.add(new FieldError(field(i, "recurrencePeriod"), "quote.line.period-for-recurring-only"));
            }
        }
    }

    private static void percent(BigDecimal value, String field, List<FieldError> errors) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            errors.add(new FieldError(field, "validation.Percent"));
        }
    }

    private static void nonNegative(BigDecimal value, String field, List<FieldError> errors) {
        if (value != null && value.signum() < 0) {
            errors.add(new FieldError(field, "validation.PositiveOrZero"));
        }
    }

    /** All errors at once, so a form shows every one of them; no Bean Validation needed here. */
    private static void require(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    static int monthsPer(RecurrencePeriod period) {
        return switch (period) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case YEARLY -> 12;
        };
    }

    private static String field(int line, String name) {
        return "lines[" + line + "]." + name;
    }

    private static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero(int scale) {
        return BigDecimal.ZERO.setScale(scale);
    }

    private static final class TaxBucket {
        private final TaxRate rate;
        private BigDecimal base = BigDecimal.ZERO;

        TaxBucket(TaxRate rate) {
            this.rate = rate;
        }

        void add(BigDecimal amount) {
            base = base.add(amount);
        }

        TaxLine line(int scale, boolean surcharge) {
            BigDecimal b = base.setScale(scale, RoundingMode.UNNECESSARY);
            return new TaxLine(rate.code(), rate.kind(), rate.rate(), b, round(b.multiply(rate.rate()).divide(HUNDRED), scale),
                    rate.legalNote(), surcharge);
        }
    }
}
