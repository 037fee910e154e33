package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class CarteraUiFormatTests {
    private static final Locale ES = Locale.forLanguageTag("es");
    private static final Locale CA = Locale.forLanguageTag("ca");
    private static final Locale EN = Locale.forLanguageTag("en");

    private final CarteraUiFormat format = new CarteraUiFormat(
            Clock.fixed(Instant.parse("2026-03-02T23:30:00Z"), ZoneOffset.UTC), ZoneId.of("Europe/Madrid"), new CarteraMessages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void formatsEurosTheWayEachLanguageWritesThem() {
        LocaleContextHolder.setLocale(ES);
        assertThat(format.money(new BigDecimal("1234.5"), "EUR")).isEqualTo("1.234,50\u00a0€");
        LocaleContextHolder.setLocale(CA);
        assertThat(format.money(new BigDecimal("1234.5"), "EUR")).isEqualTo("1.234,50\u00a0€");
        LocaleContextHolder.setLocale(EN);
        assertThat(format.money(new BigDecimal("1234.5"), "EUR")).isEqualTo("€1,234.50");
    }

    @Test
    void datesUseTheFirmsTimeZone() {
        LocaleContextHolder.setLocale(ES);
        // 23:30 UTC is already the next day in Madrid
        assertThat(format.date(format.now())).isEqualTo("3 mar 2026");
        assertThat(format.date(LocalDate.of(2026, 12, 24))).isEqualTo("24 dic 2026");
        LocaleContextHolder.setLocale(EN);
        assertThat(format.date(format.now())).isEqualTo("Mar 3, 2026");
        assertThat(format.endOfToday()).isEqualTo(Instant.parse("2026-03-03T23:00:00Z"));
    }

    @Test
    void greetsByTheFirmsTimeOfDay() {
        assertThat(format.greetingKey()).isEqualTo("cartera.dashboard.greeting.evening");
    }

    @Test
    void readsAmountsAsPeopleTypeThem() {
        assertThat(CarteraUiFormat.parseAmount("1500", ES)).contains(new BigDecimal("1500"));
        assertThat(CarteraUiFormat.parseAmount("1500,50", ES)).contains(new BigDecimal("1500.50"));
        assertThat(CarteraUiFormat.parseAmount("1.500,50 €", ES)).contains(new BigDecimal("1500.50"));
        assertThat(CarteraUiFormat.parseAmount("1.500", ES)).contains(new BigDecimal("1500"));
        assertThat(CarteraUiFormat.parseAmount("1500.5", ES)).contains(new BigDecimal("1500.5"));
        assertThat(CarteraUiFormat.parseAmount("1.250.000", ES)).contains(new BigDecimal("1250000"));
        assertThat(CarteraUiFormat.parseAmount("1,500.50", EN)).contains(new BigDecimal("1500.50"));
        assertThat(CarteraUiFormat.parseAmount("1,500", EN)).contains(new BigDecimal("1500"));
        assertThat(CarteraUiFormat.parseAmount("  ", ES)).isEmpty();
        assertThatThrownBy(() -> CarteraUiFormat.parseAmount("mil", ES)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void labelsKnownCodesAndKeepsMadeUpOnes() {
        LocaleContextHolder.setLocale(CA);
        assertThat(format.label("cartera.source.", "referral")).isEqualTo("Recomanació");
        assertThat(format.label("cartera.source.", "feria-bcn-2026")).isEqualTo("feria-bcn-2026");
    }

    @Test
    void brandingDropsColoursThatAreNotHexColours() {
        CarteraBranding branding = new CarteraBranding("Cartera", " ", null, "red;} body{display:none", "#ABCDEF", null);
        assertThat(branding.primaryColor()).isNull();
        assertThat(branding.accentColor()).isEqualTo("#ABCDEF");
        assertThat(branding.firmName()).isNull();
    }
}
