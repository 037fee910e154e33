package dev.cartera.spring.api.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.common.RecordType;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.rules.Criterion;
import dev.cartera.rules.Operator;
import dev.cartera.rules.Reason;
import dev.cartera.rules.ReasonCode;
import dev.cartera.rules.RuleError;
import dev.cartera.rules.RuleErrorCode;
import dev.cartera.rules.Trigger;
import dev.cartera.spring.ui.CarteraMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Format;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules' reasons and errors in Spanish, Catalan and English: every code of crm-rules has a sentence in every
 * bundle and every such sentence belongs to a code (a new code without sentences fails here), the languages use the
 * same arguments, and arguments show as labels, dates and numbers of the reader's language.
 */
class RuleTextsTests {
    private static final Map<String, Locale> BUNDLES = Map.of("messages.properties", Locale.forLanguageTag("es"),
            "messages_ca.properties", Locale.forLanguageTag("ca"), "messages_en.properties", Locale.ENGLISH);
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Locale ES = Locale.forLanguageTag("es");
    private static final Locale CA = Locale.forLanguageTag("ca");

    private final RuleTexts texts = new RuleTexts(new CarteraMessages().source(), ZoneId.of("Europe/Madrid"));

    @Test
    void everyReasonAndErrorCodeHasASentenceInEveryLanguageAndEverySentenceHasACode() throws IOException {
        Set<String> reasons = Arrays.stream(ReasonCode.values()).map(ReasonCode::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> errors = Arrays.stream(RuleErrorCode.values()).map(RuleErrorCode::key).collect(Collectors.toCollection(TreeSet::new));
        for (String file : BUNDLES.keySet()) {
            Properties bundle = bundle(file);
            assertThat(suffixes(bundle, RuleTexts.REASON_PREFIX)).as("reasons in %s", file).isEqualTo(reasons);
            assertThat(suffixes(bundle, RuleTexts.ERROR_PREFIX)).as("errors in %s", file).isEqualTo(errors);
        }
    }

    @Test
    void theThreeLanguagesUseTheSameArgumentsOfEachCode() throws IOException {
        Properties es = bundle("messages.properties");
        for (String file : List.of("messages_ca.properties", "messages_en.properties")) {
            Properties other = bundle(file);
            for (String key : keys()) {
                assertThat(arguments(other.getProperty(key))).as("%s in %s", key, file).isEqualTo(arguments(es.getProperty(key)));
            }
        }
    }

    @Test
    void everyCodeRendersInEveryLanguageWithoutPlaceholdersLeft() throws IOException {
        Properties es = bundle("messages.properties");
        for (Locale locale : BUNDLES.values()) {
            for (ReasonCode code : ReasonCode.values()) {
                String text = texts.reason(new Reason(code, sampleArgs(es.getProperty(RuleTexts.REASON_PREFIX + code.key()))), locale);
                assertThat(text).as("%s in %s", code, locale).isNotBlank().doesNotContain("{", "}", RuleTexts.REASON_PREFIX);
            }
            for (RuleErrorCode code : RuleErrorCode.values()) {
                String text = texts.error(new RuleError("R", code, sampleArgs(es.getProperty(RuleTexts.ERROR_PREFIX + code.key()))), locale);
                assertThat(text).as("%s in %s", code, locale).isNotBlank().doesNotContain("{", "}", RuleTexts.ERROR_PREFIX);
            }
        }
    }

    @Test
    void criteriaTriggersAndFieldsShowByTheirLabels() {
        Reason matched = Reason.of(ReasonCode.AUTOMATION_MATCHED, "Seguimiento", Trigger.QUOTE_SENT, List.of(
                Criterion.of("province", Operator.IN, "Barcelona", "Girona"), Criterion.of("custom.sector", Operator.IS_EMPTY)));

        assertThat(texts.reason(matched, ES)).isEqualTo("Se cumple la regla «Seguimiento» con «Presupuesto enviado»: "
                + "Provincia es uno de Barcelona, Girona y campo personalizado «sector» está vacío.");
        assertThat(texts.reason(matched, CA)).isEqualTo("Es compleix la regla «Seguimiento» amb «Pressupost enviat»: "
                + "Província és un de Barcelona, Girona i camp personalitzat «sector» està buit.");
        assertThat(texts.reason(matched, Locale.ENGLISH)).isEqualTo("Rule “Seguimiento” matches on “Quote sent”: "
                + "Province is one of Barcelona, Girona and custom field “sector” is empty.");
        assertThat(texts.error(RuleError.of("Tamaños", RuleErrorCode.NOT_A_NUMBER, new Reason.Field("companySize"),
                List.of("diez", "20")), ES)).isEqualTo("«Tamaño de empresa (empleados)» es un número: revisa los valores (diez, 20).");
        assertThat(texts.reason(Reason.of(ReasonCode.DEAL_CLOSED, OpportunityStatus.LOST), ES))
                .isEqualTo("La oportunidad está «Perdida»: la etapa no cambia.");
        assertThat(texts.error(RuleError.of("x", RuleErrorCode.NO_CUSTOMER_TO_WRITE_TO, RecordType.ACTIVITY), Locale.ENGLISH))
                .isEqualTo("A “Task” record has no customer to write to.");
    }

    @Test
    void datesNumbersAndNestedReasonsFollowTheReadersLanguage() {
        Reason notDue = Reason.of(ReasonCode.TIMER_NOT_DUE, "Avisar", Reason.of(ReasonCode.QUOTE_NOT_EXPIRING_YET, 9L, 3,
                LocalDate.of(2026, 12, 24)));
        assertThat(texts.reason(notDue, ES)).isEqualTo("La regla «Avisar» se cumple, pero su temporizador aún no toca: "
                + "le quedan 9 días de validez (hasta el 24 dic 2026) y la regla avisa 3 días antes.");
        assertThat(texts.reason(notDue, Locale.ENGLISH)).isEqualTo("Rule “Avisar” matches, but its timer is not due yet: "
                + "9 days of validity left (until Dec 24, 2026) and the rule warns 3 days before.");

        Reason load = Reason.of(ReasonCode.LEAST_LOADED, "ana", 12345L, 1L, 12347L);
        assertThat(texts.reason(load, ES)).isEqualTo("ana es quien tiene menos carga: 12.345 leads abiertos y 1 oportunidad abierta (carga 12.347).");
        assertThat(texts.reason(load, Locale.ENGLISH)).isEqualTo("ana has the least work: 12,345 open leads and 1 open deal (load 12,347).");
    }

    @Test
    void placeholderRuleNamesAreTranslatedAndRealOnesKept() {
        assertThat(texts.rule(RuleError.RULE_SET, ES)).isEqualTo("Conjunto de reglas");
        assertThat(texts.rule(RuleError.UNNAMED, CA)).isEqualTo("(regla sense nom)");
        assertThat(texts.rule(RuleError.RAW_DRL, Locale.ENGLISH)).isEqualTo("Advanced DRL");
        assertThat(texts.rule("Catalunya web", ES)).isEqualTo("Catalunya web");
        assertThat(texts.error(RuleError.of(RuleError.RAW_DRL, RuleErrorCode.RAW_DRL_RULE_DOES_NOT_COMPILE, "Typo", 3,
                "[ERR 102] mismatched input"), ES)).isEqualTo("La regla «Typo» del DRL no compila (línea 3): [ERR 102] mismatched input");
    }

    @Test
    void theApiLanguageIsTheFirstSupportedOneAskedForAndSpanishOtherwise() {
        assertThat(RuleResponses.locale(null)).isEqualTo(ES);
        assertThat(RuleResponses.locale("en-GB,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(RuleResponses.locale("fr-FR,ca;q=0.8,en;q=0.5")).isEqualTo(CA);
        assertThat(RuleResponses.locale("de")).isEqualTo(ES);
        assertThat(RuleResponses.locale("not a language;;")).isEqualTo(ES);
    }

    /** Numbers where the sentence formats a number (plurals), text elsewhere. */
    private static List<Object> sampleArgs(String pattern) {
        Format[] formats = new MessageFormat(pattern, ES).getFormatsByArgumentIndex();
        int count = arguments(pattern).stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            args.add(i < formats.length && formats[i] != null ? (Object) 2L : "x" + i);
        }
        return args;
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(ReasonCode.values()).forEach(c -> keys.add(RuleTexts.REASON_PREFIX + c.key()));
        Arrays.stream(RuleErrorCode.values()).forEach(c -> keys.add(RuleTexts.ERROR_PREFIX + c.key()));
        return keys;
    }

    private static Set<String> suffixes(Properties bundle, String prefix) {
        return bundle.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RuleTextsTests.class.getResourceAsStream("/cartera/" + name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
