package dev.cartera.core.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
}
