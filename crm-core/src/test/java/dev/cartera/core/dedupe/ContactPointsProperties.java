package dev.cartera.core.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

class ContactPointsProperties {

    /** Spanish numbers as people type them: with or without +34/0034, spaces, dots, hyphens, brackets. */
    @Provide
    Arbitrary<String> typedPhones() {
        Arbitrary<String> national = Combinators.combine(Arbitraries.of("6", "7", "8", "9"),
                Arbitraries.strings().numeric().ofLength(8)).as((first, rest) -> first + rest);
        Arbitrary<String> prefix = Arbitraries.of("", "+34", "+34 ", "0034", "(+34) ");
        Arbitrary<String> separator = Arbitraries.of("", " ", ".", "-");
        return Combinators.combine(prefix, national, separator).as((p, n, s) ->
                p + n.substring(0, 3) + s + n.substring(3, 6) + s + n.substring(6));
    }

    @Property
    void normalisingAPhoneTwiceChangesNothing(@ForAll("typedPhones") String typed) {
        String once = ContactPoints.phone(typed);
        assertThat(ContactPoints.phone(once)).isEqualTo(once);
    }

    @Property
    void anyPhoneInputNormalisesIdempotently(@ForAll String anything) {
        String once = ContactPoints.phone(anything);
        assertThat(ContactPoints.phone(once)).isEqualTo(once);
    }

    @Property
    void theWaysOfWritingOneNumberGiveOneE164(@ForAll("typedPhones") String typed) {
        String digits = typed.replaceAll("[^0-9]", "");
        String national = digits.substring(digits.length() - 9);
        assertThat(ContactPoints.e164(typed)).isEqualTo(ContactPoints.e164(national));
        ContactPoints.e164(typed).ifPresent(e164 -> assertThat(e164).isEqualTo("+34" + national));
    }

    /** Anything close to a Spanish number: eight to ten digits (any first one), prefixes and marks anywhere. */
    @Provide
    Arbitrary<String> nearlySpanishPhones() {
        Arbitrary<String> prefix = Arbitraries.of("", "+34", "0034", "34", "+", "+3", "00", "0", "-", " ", "(+34)");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(10);
        Arbitrary<String> mark = Arbitraries.of(" ", ".", "-", "  ", "--", "+", "(", ")", "/", "x", "\u0663");
        Arbitrary<List<Tuple.Tuple2<Integer, String>>> marks = Combinators.combine(Arbitraries.integers().between(0, 10),
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(" ", ".", "-")), Tuple.of(1, mark))).as(Tuple::of)
                .list().ofMaxSize(4);
        return Combinators.combine(prefix, digits, marks).as((p, d, ms) -> {
            StringBuilder number = new StringBuilder(d);
            ms.forEach(m -> number.insert(Math.min(m.get1(), number.length()), m.get2()));
            return p + number;
        });
    }

    @Property(tries = 3000)
    void theShortcutForPlainSpanishNumbersAgreesWithLibphonenumber(@ForAll("nearlySpanishPhones") String typed) {
        String trimmed = typed.strip();
        boolean shortcut = !trimmed.isEmpty() && ContactPoints.plainSpanishNumber(trimmed) != null;
        Statistics.label("shortcut").collect(shortcut);
        if (shortcut) {
            assertThat(ContactPoints.e164(trimmed)).isEqualTo(ContactPoints.parseAnyNumber(trimmed));
        }
        Statistics.label("shortcut").coverage(c -> c.check(true).percentage(p -> p >= 8));
    }

    @Property(tries = 3000)
    void typedSpanishNumbersTakeTheShortcutAndAgreeWithLibphonenumber(@ForAll("typedPhones") String typed) {
        String plain = typed.replace("(+34) ", "+34");
        assertThat(ContactPoints.plainSpanishNumber(plain)).isNotNull();
        assertThat(ContactPoints.e164(plain)).isEqualTo(ContactPoints.parseAnyNumber(plain));
    }
}
