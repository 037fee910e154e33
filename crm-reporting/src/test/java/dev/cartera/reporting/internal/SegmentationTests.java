package dev.cartera.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cartera.reporting.ReportSettings;
import dev.cartera.reporting.StandardReports.AbcClass;
import dev.cartera.reporting.StandardReports.SegmentRow;
import dev.cartera.reporting.StandardReports.XyzClass;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SegmentationTests {
    private static final ReportSettings SETTINGS = ReportSettings.defaults();

    @Test
    void anAccountTakesTheClassOfTheShareReachedBeforeIt() {
        // 80 + 15 + 5: the second starts exactly at 80 % (B), the third exactly at 95 % (C).
        List<SegmentRow> rows = Segmentation.classify(List.of(steady("5"), steady("80"), steady("15")), 1, SETTINGS);

        assertThat(rows).extracting(SegmentRow::revenue).containsExactly(new BigDecimal("80"), new BigDecimal("15"), new BigDecimal("5"));
        assertThat(rows).extracting(SegmentRow::abc).containsExactly(AbcClass.A, AbcClass.B, AbcClass.C);
        assertThat(rows).extracting(SegmentRow::cumulativeShare)
                .containsExactly(new BigDecimal("0.800000"), new BigDecimal("0.950000"), new BigDecimal("1.000000"));
    }

    @Test
    void revenuesTooCloseForADoubleAreStillOrderedExactly() {
        // The smaller one's id sorts first, so only comparing the revenues exactly puts the larger first.
        Segmentation.Revenue smaller = new Segmentation.Revenue(new UUID(0, 1), "S", new BigDecimal("10000000000000000.01"), 1e32);
        Segmentation.Revenue larger = new Segmentation.Revenue(new UUID(0, 2), "L", new BigDecimal("10000000000000000.02"), 1e32);
        assertThat(smaller.total().doubleValue()).isEqualTo(larger.total().doubleValue());

        assertThat(Segmentation.classify(List.of(smaller, larger), 1, SETTINGS)).extracting(SegmentRow::revenue)
                .containsExactly(larger.total(), smaller.total());
    }

    @Test
    void aVariationRightOnABoundaryKeepsTheLowerClass() {
        // Two months: cv = |a − b| / (a + b). 110/90 is 0.10 (X), 111/89 is 0.11 (Y), 125/75 is 0.25 (Y), 126/74 is Z.
        assertThat(xyz("110.00", "90.00")).isEqualTo(XyzClass.X);
        assertThat(xyz("1.10", "0.90")).isEqualTo(XyzClass.X);
        assertThat(xyz("111", "89")).isEqualTo(XyzClass.Y);
        assertThat(xyz("125", "75")).isEqualTo(XyzClass.Y);
        assertThat(xyz("126", "74")).isEqualTo(XyzClass.Z);
        assertThat(xyz("100", "100")).isEqualTo(XyzClass.X);
    }

    @Test
    void accountsWithoutPositiveRevenueAreLeftOutAndAMissingNameShowsTheId() {
        UUID id = UUID.randomUUID();
        List<SegmentRow> rows = Segmentation.classify(List.of(new Segmentation.Revenue(id, null, new BigDecimal("10"), 100),
                new Segmentation.Revenue(UUID.randomUUID(), "Refunds", new BigDecimal("-5"), 25),
                new Segmentation.Revenue(UUID.randomUUID(), "Nothing", BigDecimal.ZERO, 0)), 1, SETTINGS);

        assertThat(rows).extracting(SegmentRow::account).containsExactly(id.toString());
        assertThat(rows.get(0).share()).isEqualByComparingTo("1");
    }

    /**
     * The variation from total and squares is the textbook one over the months (to rounding: the squares are
     * doubles), and the class follows it, a variation within a billionth above a boundary counting as on it.
     */
    @Property
    void theVariationFromTotalAndSquaresIsThePopulationCoefficientOfTheMonths(@ForAll("series") List<BigDecimal> months) {
        BigDecimal total = months.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        double squares = months.stream().mapToDouble(m -> m.doubleValue() * m.doubleValue()).sum();
        List<SegmentRow> rows = Segmentation.classify(List.of(new Segmentation.Revenue(UUID.randomUUID(), "A", total, squares)),
                months.size(), SETTINGS);
        if (total.signum() <= 0) {
            assertThat(rows).isEmpty();
            return;
        }
        double mean = total.doubleValue() / months.size();
        double deviations = 0;
        for (BigDecimal m : months) {
            deviations += (m.doubleValue() - mean) * (m.doubleValue() - mean);
        }
        double cv = Math.sqrt(deviations / months.size()) / mean;
        assertThat(rows.get(0).variation()).isCloseTo(cv, within(1e-7 + 1e-9 * cv));
        // Exactly: n²·variance = Σ(n·m − total)², compared with (x·(1 + 1e-9))²·n·total².
        BigDecimal n = BigDecimal.valueOf(months.size());
        BigDecimal spread = BigDecimal.ZERO;
        for (BigDecimal m : months) {
            BigDecimal d = n.multiply(m).subtract(total);
            spread = spread.add(d.multiply(d));
        }
        BigDecimal scale = n.multiply(total).multiply(total);
        XyzClass expected = spread.compareTo(onBoundary(0.10).multiply(scale)) <= 0 ? XyzClass.X
                : spread.compareTo(onBoundary(0.25).multiply(scale)) <= 0 ? XyzClass.Y : XyzClass.Z;
        assertThat(rows.get(0).xyz()).isEqualTo(expected);
    }

    private static BigDecimal onBoundary(double threshold) {
        BigDecimal t = BigDecimal.valueOf(threshold).multiply(BigDecimal.ONE.add(new BigDecimal("1e-9")));
        return t.multiply(t);
    }

    @Provide
    Arbitrary<List<BigDecimal>> series() {
        // Around a level with small, then any, deviations: steady, near-boundary and erratic accounts.
        Arbitrary<BigDecimal> cents = Arbitraries.longs().between(0, 10_000_000).map(c -> BigDecimal.valueOf(c, 2));
        Arbitrary<List<BigDecimal>> steady = Arbitraries.longs().between(100, 10_000_000).flatMap(level -> Arbitraries.longs()
                .between(-level / 4, level / 4).map(d -> BigDecimal.valueOf(level + d, 2)).list().ofMinSize(1).ofMaxSize(24));
        return Arbitraries.oneOf(steady, cents.list().ofMinSize(1).ofMaxSize(24));
    }

    private static XyzClass xyz(String a, String b) {
        BigDecimal x = new BigDecimal(a);
        BigDecimal y = new BigDecimal(b);
        double squares = x.doubleValue() * x.doubleValue() + y.doubleValue() * y.doubleValue();
        return Segmentation.classify(List.of(new Segmentation.Revenue(UUID.randomUUID(), "A", x.add(y), squares)), 2, SETTINGS).get(0).xyz();
    }

    private static Segmentation.Revenue steady(String amount) {
        BigDecimal a = new BigDecimal(amount);
        return new Segmentation.Revenue(UUID.randomUUID(), amount, a, a.doubleValue() * a.doubleValue());
    }
}
