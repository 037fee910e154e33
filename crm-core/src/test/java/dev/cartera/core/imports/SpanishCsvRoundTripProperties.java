package dev.cartera.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.customfield.CustomFieldDefinition;
import dev.cartera.core.customfield.CustomFieldType;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.testing.CrmFixture;
import dev.cartera.core.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Whatever people type — accents, quotes, semicolons, line breaks, negative amounts, old dates —
 * written as Spanish Excel saves a CSV (Windows-1252, {@code ;}, decimal comma, dd/mm/yyyy) and
 * imported, comes back exactly.
 */
class SpanishCsvRoundTripProperties {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String LETTERS = "abcdefghijklmnñopqrstuvwxyzABCDEFGHIJKLMNÑOPQRSTUVWXYZáéíóúüçàèòïÁÉÍÓÚÑÇ";
    private static CrmFixture fx;

    record Person(String firstName, String lastName, String company, String notes, BigDecimal amount, LocalDate since,
            boolean grouped) {
    }

    private static synchronized CrmFixture fixture() {
        if (fx == null) {
            java.nio.file.Path staging;
            try {
                staging = Files.createTempDirectory("cartera-roundtrip");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            fx = new CrmFixture(TestDatabases.freshH2(), b -> b.importExecutor(Runnable::run)
                    .importFileStore(ImportFileStore.directory(staging)));
        }
        return fx;
    }

    @AfterContainer
    static void close() {
        if (fx != null) {
            fx.close();
            fx = null;
        }
    }

    @Provide
    Arbitrary<List<Person>> people() {
        Arbitrary<String> text = Arbitraries.strings().withChars(LETTERS + " \"';,.-&()").ofMinLength(1).ofMaxLength(30)
                .map(String::strip).filter(s -> !s.isEmpty());
        Arbitrary<String> notes = Arbitraries.strings().withChars(LETTERS + " \"';,.\n€").ofMinLength(1).ofMaxLength(80)
                .map(String::strip).filter(s -> !s.isEmpty());
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(new BigDecimal("-9999999.99"), new BigDecimal("9999999.99"))
                .ofScale(2);
        Arbitrary<LocalDate> since = Arbitraries.integers().between(0, 20_000).map(d -> LocalDate.of(1975, 1, 1).plusDays(d));
        Arbitrary<Person> person = Combinators.combine(text, text, text, notes, amount, since, Arbitraries.of(true, false))
                .as(Person::new);
        return person.list().ofMinSize(1).ofMaxSize(6).uniqueElements();
    }

    @Property(tries = 15)
    void aSpanishExcelCsvComesBackAsItWasWritten(@ForAll("people") List<Person> people) {
        CrmFixture fx = fixture();
        CrmFixture.Org org = fx.organisation("r" + UUID.randomUUID().toString().substring(0, 8));
        fx.cartera.transactions().asSystem(org.tenant(), work -> {
            for (Object[] f : new Object[][] {{"importe", CustomFieldType.NUMBER}, {"alta", CustomFieldType.DATE}}) {
                CustomFieldDefinition d = new CustomFieldDefinition();
                d.setRecordType(RecordType.LEAD);
                d.setFieldKey((String) f[0]);
                d.setLabel((String) f[0]);
                d.setDataType((CustomFieldType) f[1]);
                d.setActive(true);
                work.em().persist(d);
            }
            return null;
        });
        StringBuilder csv = new StringBuilder("Nombre;Apellidos;Empresa;Observaciones;Importe;Fecha de alta\r\n");
        for (Person p : people) {
            csv.append(excel(p.firstName())).append(';').append(excel(p.lastName())).append(';').append(excel(p.company()))
                    .append(';').append(excel(p.notes())).append(';').append(spanish(p.amount(), p.grouped())).append(';')
                    .append(SpanishValues.format(p.since())).append("\r\n");
        }
        fx.session.as(org.tenant(), "admin");
        ImportPreview preview = fx.cartera.imports().preview(new ByteArrayInputStream(csv.toString().getBytes(CP1252)), "export.csv");
        if (!csv.chars().allMatch(c -> c < 128)) {
            assertThat(preview.encoding()).isEqualTo("windows-1252"); // pure ASCII reads the same either way
        }
        ColumnMapping mapping = preview.mapping().with(4, "custom.importe").with(5, "custom.alta");
        ImportRunView run = fx.cartera.imports().start(preview.previewId(), mapping, DuplicatePolicy.CREATE);
        ImportRunView done = fx.cartera.imports().awaitFinished(run.id(), Duration.ofSeconds(30));
        assertThat(done.rowsFailed()).isZero();

        List<LeadView> leads = fx.cartera.leads().search(LeadQuery.all(), PageRequest.first(50)).items();
        Map<UUID, Map<String, String>> custom = new HashMap<>();
        fx.cartera.transactions().asSystem(org.tenant(), work -> {
            for (Object[] v : work.em().createQuery("select v.recordId, v.fieldKey, v.value from CustomFieldValue v", Object[].class)
                    .getResultList()) {
                custom.computeIfAbsent((UUID) v[0], k -> new HashMap<>()).put((String) v[1], (String) v[2]);
            }
            return null;
        });
        List<Person> back = leads.stream().map(l -> new Person(l.firstName(), l.lastName(), l.companyName(), l.notes(),
                new BigDecimal(custom.get(l.id()).get("importe")).setScale(2, RoundingMode.UNNECESSARY),
                LocalDate.parse(custom.get(l.id()).get("alta")), false)).toList();
        assertThat(back).containsExactlyInAnyOrderElementsOf(people.stream().map(p -> new Person(p.firstName(), p.lastName(),
                p.company(), p.notes(), p.amount(), p.since(), false)).toList());
    }

    /** As Excel writes a cell: quoted when it holds the delimiter, a quote or a line break; quotes doubled. */
    private static String excel(String cell) {
        boolean quote = cell.indexOf(';') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static String spanish(BigDecimal amount, boolean grouped) {
        if (!grouped) {
            return SpanishValues.format(amount);
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(new Locale("es", "ES")));
        format.setGroupingUsed(true);
        format.setGroupingSize(3);
        return format.format(amount);
    }
}
