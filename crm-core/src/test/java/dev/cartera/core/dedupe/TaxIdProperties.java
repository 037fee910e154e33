package dev.cartera.core.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.core.common.ValidationException;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TaxIdProperties {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    @Provide
    Arbitrary<String> validIds() {
        Arbitrary<String> dni = Arbitraries.longs().between(0, 99_999_999L)
                .map(n -> String.format("%08d", n) + TaxId.dniLetter(n));
        Arbitrary<String> nie = Combinators.combine(Arbitraries.of('X', 'Y', 'Z'), Arbitraries.longs().between(0, 9_999_999L))
                .as((prefix, n) -> {
                    String digits = String.format("%07d", n);
                    return prefix + digits + TaxId.dniLetter(Long.parseLong("XYZ".indexOf(prefix) + digits));
                });
        Arbitrary<String> cif = Combinators.combine(Arbitraries.of("ABCDEFGHJNPQRSUVW".chars().mapToObj(c -> (char) c).toList()),
                        Arbitraries.longs().between(0, 9_999_999L), Arbitraries.of(true, false))
                .as((first, n, preferLetter) -> {
                    String digits = String.format("%07d", n);
                    int control = TaxId.cifControlDigit(digits);
                    boolean letter = "NPQRSW".indexOf(first) >= 0 || ("ABEH".indexOf(first) < 0 && preferLetter);
                    return first + digits + (letter ? "JABCDEFGHI".charAt(control) : (char) ('0' + control));
                });
        return Arbitraries.oneOf(dni, nie, cif);
    }

    @Property
    void everyWellFormedIdIsAcceptedInItsCanonicalForm(@ForAll("validIds") String id) {
        assertThat(TaxId.of(id).value()).isEqualTo(id);
    }

    @Property
    void theWaysPeopleWriteAnIdAllMeanTheSameId(@ForAll("validIds") String id, @ForAll boolean lower,
            @ForAll boolean prefix, @ForAll boolean hyphen, @ForAll boolean spaces) {
        String written = id.substring(0, 8) + (hyphen ? "-" : "") + id.charAt(8);
        if (spaces) {
            written = written.substring(0, 1) + " " + written.substring(1, 5) + " " + written.substring(5);
        }
        if (prefix) {
            written = "ES" + (spaces ? " " : "") + written;
        }
        if (lower) {
            written = written.toLowerCase(Locale.ROOT);
        }
        assertThat(TaxId.of(written).value()).isEqualTo(id);
    }

    @Property
    void aWrongControlCharacterIsRejectedWithItsReason(@ForAll("validIds") String id, @ForAll("alphanumeric") char replacement) {
        Assume.that(replacement != id.charAt(8));
        String tampered = id.substring(0, 8) + replacement;
        boolean stillValid = TaxId.tryParse(tampered).isPresent();
        if (!stillValid) {
            assertThatThrownBy(() -> TaxId.of(tampered))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).code())
                            .isIn("taxid.check-letter", "taxid.check-digit", "taxid.format"));
        } else {
            // Only the CIF's two spellings of the same control (digit or letter) may both be valid.
            assertThat(TaxId.of(id).kind()).isEqualTo(TaxId.Kind.CIF);
            int control = TaxId.cifControlDigit(id.substring(1, 8));
            assertThat(replacement).isIn((char) ('0' + control), "JABCDEFGHI".charAt(control));
        }
    }

    @Provide
    Arbitrary<Character> alphanumeric() {
        return Arbitraries.of(ALPHANUMERIC.chars().mapToObj(c -> (char) c).toList());
    }

    @Example
    void realWorldSpellingsOfKnownIds() {
        assertThat(TaxId.of("es b-58378431").value()).isEqualTo("B58378431");
        assertThat(TaxId.of("B58378431").kind()).isEqualTo(TaxId.Kind.CIF);
        assertThat(TaxId.of("12345678-z").value()).isEqualTo("12345678Z");
        assertThat(TaxId.of("X1234567L").kind()).isEqualTo(TaxId.Kind.NIE);
        assertThatThrownBy(() -> TaxId.of("12345678A")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TaxId.of("1234")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TaxId.of("T1234567A")).isInstanceOf(ValidationException.class);
    }
}
