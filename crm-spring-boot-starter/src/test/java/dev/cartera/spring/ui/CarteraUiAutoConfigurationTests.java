package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.testing.TestDatabases;
import dev.cartera.spring.CarteraAutoConfiguration;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** How the UI plugs into hosts that differ: own messages, own locale resolver, no security, UI switched off. */
class CarteraUiAutoConfigurationTests {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CarteraAutoConfiguration.class, CarteraUiAutoConfiguration.class,
                    WebMvcAutoConfiguration.class, ThymeleafAutoConfiguration.class))
            .withBean(DataSource.class, TestDatabases::freshH2);

    @Test
    void hostWithoutMessagesReadsTheUiBundlesInEveryLanguage() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getMessage("cartera.nav.accounts", null, Locale.forLanguageTag("es"))).isEqualTo("Clientes");
            assertThat(context.getMessage("cartera.nav.accounts", null, Locale.forLanguageTag("ca"))).isEqualTo("Clients");
            assertThat(context.getMessage("cartera.nav.accounts", null, Locale.forLanguageTag("en"))).isEqualTo("Customers");
            assertThat(context.getMessage("cartera.nav.accounts", null, Locale.forLanguageTag("fr"))).isEqualTo("Clientes");
        });
    }

    @Test
    void hostMessagesKeepWorkingAndMayRewordTheUi() {
        runner.withUserConfiguration(HostMessages.class).run(context -> {
            assertThat(context.getBeansOfType(MessageSource.class)).containsOnlyKeys("messageSource");
            assertThat(context.getMessage("erp.invoice", null, Locale.ENGLISH)).isEqualTo("Invoice");
            assertThat(context.getMessage("cartera.nav.leads", null, Locale.forLanguageTag("es"))).isEqualTo("Prospectos");
            assertThat(context.getMessage("cartera.nav.tasks", null, Locale.forLanguageTag("es"))).isEqualTo("Tareas");
        });
    }

    @Test
    void wrapsTheHostLocaleResolverOnlyForTheUiPaths() {
        runner.withConfiguration(UserConfigurations.of(HostLocale.class)).run(context -> {
            LocaleResolver resolver = context.getBean("localeResolver", LocaleResolver.class);
            assertThat(resolver).isInstanceOf(CarteraLocaleResolver.class);

            assertThat(resolver.resolveLocale(request("/erp/invoices", null))).isEqualTo(Locale.GERMAN);
            assertThat(resolver.resolveLocale(request("/erp/invoices", "ca"))).isEqualTo(Locale.GERMAN);
            assertThat(resolver.resolveLocale(request("/crm/leads", null))).isEqualTo(Locale.GERMAN);
            assertThat(resolver.resolveLocale(request("/crm/leads", "ca"))).isEqualTo(Locale.forLanguageTag("ca"));
        });
    }

    @Test
    void withBootsDefaultResolverTheUiSpeaksSpanishWhateverTheBrowserSays() {
        runner.run(context -> {
            LocaleResolver resolver = context.getBean("localeResolver", LocaleResolver.class);
            MockHttpServletRequest english = request("/crm", null);
            english.addHeader("Accept-Language", "en-GB");
            MockHttpServletRequest erpPage = request("/erp", null);
            erpPage.addHeader("Accept-Language", "en-GB");

            assertThat(resolver.resolveLocale(english)).isEqualTo(Locale.forLanguageTag("es"));
            assertThat(resolver.resolveLocale(erpPage)).isEqualTo(Locale.UK);
        });
    }

    @Test
    void followsAConfiguredBasePathAndDefaultLanguage() {
        runner.withPropertyValues("cartera.web.base-path=/ventas", "cartera.web.ui.default-language=ca").run(context -> {
            LocaleResolver resolver = context.getBean("localeResolver", LocaleResolver.class);
            assertThat(resolver.resolveLocale(request("/ventas/leads", null))).isEqualTo(Locale.forLanguageTag("ca"));
            assertThat(context.getBean(CarteraUiWebConfigurer.class)).isNotNull();
        });
    }

    @Test
    void runsWithoutSpringSecurity() {
        runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(CarteraUiFormat.class);
        });
    }

    @Test
    void backsOffWhenTheUiIsSwitchedOff() {
        runner.withPropertyValues("cartera.web.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(CarteraUiFormat.class);
            assertThat(context.getBean("localeResolver")).isNotInstanceOf(CarteraLocaleResolver.class);
        });
    }

    @Test
    void aHostBrandsEachFirmWithItsOwnProvider() {
        runner.withBean(CarteraBrandingProvider.class, () -> tenant -> new CarteraBranding("Cartera", "Firma " + tenant, null, "#112233", null, null))
                .run(context -> assertThat(context.getBean(CarteraBrandingProvider.class).branding("t1").firmName()).isEqualTo("Firma t1"));
    }

    private static MockHttpServletRequest request(String path, String lang) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (lang != null) {
            request.setParameter("lang", lang);
        }
        return request;
    }

    @Configuration(proxyBeanMethods = false)
    static class HostMessages {
        @Bean
        MessageSource messageSource() {
            StaticMessageSource messages = new StaticMessageSource();
            messages.addMessage("erp.invoice", Locale.ENGLISH, "Invoice");
            messages.addMessage("cartera.nav.leads", Locale.forLanguageTag("es"), "Prospectos");
            return messages;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostLocale {
        @Bean
        LocaleResolver localeResolver() {
            return new FixedLocaleResolver(Locale.GERMAN);
        }
    }
}
