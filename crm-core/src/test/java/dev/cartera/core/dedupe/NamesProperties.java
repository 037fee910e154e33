package dev.cartera.core.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NamesProperties {

    @Provide
    Arbitrary<String> companyNames() {
        Arbitrary<String> word = Arbitraries.of("Frutas", "García", "Hermanos", "Talleres", "Peña", "Distribuciones",
                "Núñez", "Construcciones", "Logística", "Agrícola", "Martí", "Olivé", "Castell", "Muñoz", "Ibérica");
        return word.list().ofMinSize(1).ofMaxSize(4).map(words -> String.join(" ", words));
    }

    @Provide
    Arbitrary<String> legalForms() {
        return Arbitraries.of("S.L.", "SL", "S.A.", "SA", "S.L.U.", "SLU", "S.Coop.", "S. Coop.", "SLL", "S.L.L.",
                "SAL", "S.A.L.", "C.B.", "CB", "S.C.", "Sociedad Limitada", "S.A.U.", ", S.L.", ", S.A.");
    }

    @Property
    void legalFormsCaseAccentsAndPunctuationDoNotChangeTheKey(@ForAll("companyNames") String name,
            @ForAll("legalForms") String form, @ForAll boolean upper, @ForAll boolean stripAccents) {
        String written = name + (form.startsWith(",") ? form : " " + form);
        if (stripAccents) {
            written = java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }
        if (upper) {
            written = written.toUpperCase(Locale.ROOT);
        }
        assertThat(Names.companyKey(written)).isEqualTo(Names.companyKey(name));
    }

    @Property
    void aKeyIsItsOwnKey(@ForAll("companyNames") String name, @ForAll("legalForms") String form) {
        String key = Names.companyKey(name + " " + form);
        assertThat(Names.companyKey(key)).isEqualTo(key);
        assertThat(key).matches("[a-z0-9 ]+");
    }

    @Property
    void theLatin1ShortcutFoldsAsTheGeneralPath(@ForAll @net.jqwik.api.constraints.CharRange(from = 0, to = 255) String latin1,
            @ForAll("companyNames") String name, @ForAll String anything) {
        assertThat(Names.fold(latin1)).isEqualTo(Names.foldUnicode(latin1));
        assertThat(Names.fold(name)).isEqualTo(Names.foldUnicode(name));
        assertThat(Names.fold(anything)).isEqualTo(Names.foldUnicode(anything));
    }

    @Property
    void anyTextGivesAKeyOfPlainLettersOrNothing(@ForAll String anything) {
        String key = Names.companyKey(anything);
        if (key != null) {
            assertThat(key).matches("[a-z0-9 ]*").hasSizeLessThanOrEqualTo(Names.MAX_KEY);
        }
    }

    @Property
    void similarityIsSymmetricBoundedAndOneForEqualKeys(@ForAll("companyNames") String a, @ForAll("companyNames") String b) {
        String ka = Names.companyKey(a);
        String kb = Names.companyKey(b);
        assertThat(Names.similarity(ka, kb)).isEqualTo(Names.similarity(kb, ka)).isBetween(0.0, 1.0);
        assertThat(Names.similarity(ka, ka)).isEqualTo(1.0);
    }

    @Example
    void typosStayCloseAndDifferentFirmsDoNot() {
        assertThat(Names.similarity(Names.companyKey("Frutas García S.L."), Names.companyKey("Frutas Garcia SLU")))
                .isEqualTo(1.0);
        assertThat(Names.similarity(Names.companyKey("Talleres Martínez"), Names.companyKey("Talleres Martinex, S.A.")))
                .isGreaterThan(DuplicateService.COMPANY_NAME_THRESHOLD);
        assertThat(Names.similarity(Names.companyKey("Talleres Martínez"), Names.companyKey("Panadería Sol")))
                .isLessThan(DuplicateService.COMPANY_NAME_THRESHOLD);
        assertThat(Names.companyKey("S.L.")).isEqualTo("s l");
        assertThat(Names.companyKey("Pérez y García, C.B.")).isEqualTo(Names.companyKey("PEREZ & GARCIA"));
    }
}
