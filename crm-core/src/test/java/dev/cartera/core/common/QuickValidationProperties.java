package dev.cartera.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cartera.core.lead.LeadDraft;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** The shortcut never lets through what Hibernate Validator would refuse, and it does let plain valid commands through. */
class QuickValidationProperties {
    private static final jakarta.validation.Validator HIBERNATE = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    public record Sample(@NotNull String id, @NotBlank String name, @Size(min = 2, max = 5) String code,
            @Pattern(regexp = "[a-z]{2}", flags = Pattern.Flag.CASE_INSENSITIVE) String language, @Min(0) Integer size,
            @Max(10) long level, @Email String email, @Email @Size(max = 20) String shortEmail) {

        @AssertTrue
        public boolean isDistinct() {
            return name == null || !name.equals(code);
        }
    }

    record Tags(List<@NotBlank String> tags) {
    }

    record Amount(@DecimalMin("0") BigDecimal amount) {
    }

    record Nested(@Valid Sample sample) {
    }

    @Property(tries = 10000)
    void whatTheShortcutLetsThroughHibernateValidatorAccepts(@ForAll("samples") Sample sample) {
        assertAgreesWithHibernateValidator(sample);
    }

    @Property(tries = 3000)
    void soForLeads(@ForAll("leads") LeadDraft lead) {
        assertAgreesWithHibernateValidator(lead);
    }

    @Property(tries = 500)
    void plainValidCommandsTakeTheShortcut(@ForAll("plainLeads") LeadDraft lead) {
        assertThat(HIBERNATE.validate(lead)).isEmpty();
        assertThat(QuickValidation.clearlyValid(lead)).isTrue();
    }

    @Example
    void constraintsItDoesNotKnowAlwaysGoToHibernateValidator() {
        assertThat(QuickValidation.clearlyValid(new Tags(List.of("a")))).isFalse();
        assertThat(QuickValidation.clearlyValid(new Amount(BigDecimal.ONE))).isFalse();
        assertThat(QuickValidation.clearlyValid(new Nested(null))).isFalse();
        // A class that is not a record, and a record with a broken constraint method.
        assertThat(QuickValidation.clearlyValid(new Object())).isFalse();
        Sample ok = new Sample("1", "Ana", "ab", "es", 3, 2, "ana@example.com", "a@b.es");
        assertThat(QuickValidation.clearlyValid(ok)).isTrue();
        assertThat(QuickValidation.clearlyValid(new Sample("1", "ab", "ab", "es", 3, 2, null, null))).isFalse();
    }

    /**
     * What the shortcut lets through, Hibernate Validator accepts; and Validator.valid (shortcut first) and
     * Hibernate Validator alone agree, field by field and code by code.
     */
    private static void assertAgreesWithHibernateValidator(Object command) {
        boolean shortcut = QuickValidation.clearlyValid(command);
        Statistics.collect(shortcut ? "shortcut" : "full", HIBERNATE.validate(command).isEmpty() ? "valid" : "invalid");
        if (shortcut) {
            assertThat(HIBERNATE.validate(command)).isEmpty();
        }
        Set<String> expected = HIBERNATE.validate(command).stream()
                .map(v -> v.getPropertyPath() + " validation." + v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName())
                .collect(Collectors.toSet());
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> Validator.valid(command));
        Set<String> actual = e == null ? Set.of() : e.errors().stream().map(f -> f.field() + " " + f.code()).collect(Collectors.toSet());
        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Sample> samples() {
        // Each value mostly near its limits, so whole samples are often valid and the shortcut's edges get tried.
        Arbitrary<String> id = Arbitraries.strings().alpha().ofMaxLength(3).injectNull(0.05);
        Arbitrary<String> name = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4)),
                net.jqwik.api.Tuple.of(1, texts(4)));
        Arbitrary<String> code = Arbitraries.strings().withChars("ab \u2003").ofMinLength(1).ofMaxLength(6).injectNull(0.1);
        Arbitrary<String> language = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, Arbitraries.strings().withChars("aZ").ofLength(2)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("aZñ1").ofMinLength(1).ofMaxLength(3))).injectNull(0.1);
        return Combinators.combine(id, name, code, language, Arbitraries.integers().between(-1, 3).injectNull(0.2),
                Arbitraries.longs().between(8, 11), emails(), emails()).as(Sample::new);
    }

    @Provide
    Arbitrary<LeadDraft> leads() {
        Arbitrary<String> country = Arbitraries.strings().withChars("ESesÑ1 ").ofMinLength(0).ofMaxLength(3).injectNull(0.3);
        return Combinators.combine(List.of(texts(102), texts(152), texts(202), emails(), texts(32), texts(22), country, country))
                .as(v -> new LeadDraft((String) v.get(0), (String) v.get(1), (String) v.get(2), null, (String) v.get(3),
                        (String) v.get(4), (String) v.get(5), "feria", null, null, null, null, null, null, (String) v.get(6),
                        v.get(7) == null ? null : ((String) v.get(7)).toLowerCase(java.util.Locale.ROOT), null, null, null));
    }

    @Provide
    Arbitrary<LeadDraft> plainLeads() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withChars("áéñç").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> atom = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("_+-").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> email = Combinators.combine(atom.list().ofMinSize(1).ofMaxSize(3), label.list().ofMinSize(1).ofMaxSize(3))
                .as((local, host) -> String.join(".", local) + "@" + String.join(".", host));
        return Combinators.combine(word, word, word, email, Arbitraries.integers().between(0, 500))
                .as((first, last, company, mail, size) -> new LeadDraft(first, last, company + ", S.L.", null, mail, "+34600000000",
                        "12345678Z", "web", null, null, "Calle Mayor 1", "Madrid", "28001", "Madrid", "ES", "es", size, null, null));
    }

    private static Arbitrary<String> texts(int maxLength) {
        return Arbitraries.strings().withCharRange('a', 'c').withChars(" \t\u00a0\u2003ÁñZ.@-").ofMinLength(0).ofMaxLength(maxLength)
                .injectNull(0.2);
    }

    /** Plain addresses and near misses: empty or odd atoms, long parts, hyphens at label ends, IP literals, Unicode. */
    private static Arbitrary<String> emails() {
        Arbitrary<String> atom = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, Arbitraries.strings().withChars("ab9_+-").ofMinLength(1).ofMaxLength(5)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("aé\"() !#").ofMinLength(1).ofMaxLength(3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("ab").ofMinLength(60).ofMaxLength(68)));
        Arbitrary<String> label = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, Arbitraries.strings().withChars("ab9").ofMinLength(1).ofMaxLength(6)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars("ab9-").ofMinLength(0).ofMaxLength(6)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("añ_").ofMinLength(1).ofMaxLength(3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("ab").ofMinLength(60).ofMaxLength(66)));
        Arbitrary<String> local = atom.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<String> domain = Arbitraries.oneOf(label.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l)),
                Arbitraries.of("[192.168.0.1]", "1.2.3.4", "example.com."));
        return Combinators.combine(local, Arbitraries.of("@", "@", "@", "@", "@", "@", "@", "@", "@@", ""), domain).as((l, at, d) -> l + at + d).injectNull(0.1);
    }
}
