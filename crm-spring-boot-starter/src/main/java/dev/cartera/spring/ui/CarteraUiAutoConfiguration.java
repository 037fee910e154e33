package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.spring.CarteraAutoConfiguration;
import dev.cartera.spring.CarteraProperties;
import dev.cartera.spring.api.CarteraApiAutoConfiguration;
import dev.cartera.spring.api.alert.AlertStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The web UI under {@code cartera.web.base-path} (default {@code /crm}), in the host's servlet and
 * behind the host's security. Controllers come in through {@link Import}, not the host's component
 * scan; no security chain, view resolver, template engine or message source of the host is replaced:
 * the UI's bundles hang off the host's message source and its language choice wraps the host's
 * locale resolver for the UI's paths only.
 */
@AutoConfiguration(after = {CarteraAutoConfiguration.class, CarteraApiAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(Cartera.class)
@ConditionalOnProperty(prefix = "cartera.web", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(CarteraUiProperties.class)
@Import({CarteraUiControllerAdvice.class, DashboardController.class, AccountController.class, LeadController.class,
        OpportunityController.class, TaskController.class, AlertUiController.class, MyDayController.class,
        BulkTaskController.class, DocumentUiController.class, CustomerUploadPageController.class,
        CalendarFeedUiController.class, CarteraUiWebConfigurer.class,
        BoardController.class, DealController.class, QuoteController.class, PublicQuotePageController.class, SettingsController.class,
        ReportsController.class, LeadImportController.class, DuplicatesController.class, ContactController.class,
        RulesUiConfiguration.class})
public class CarteraUiAutoConfiguration {

    /** Static, so wrapping the locale resolver does not pull this configuration in early. */
    @Bean
    static CarteraLocaleResolverPostProcessor carteraLocaleResolverPostProcessor() {
        return new CarteraLocaleResolverPostProcessor();
    }

    @Bean
    @ConditionalOnMissingBean
    CarteraMessages carteraMessages() {
        return new CarteraMessages();
    }

    @Bean
    CarteraMessageSourceInstaller carteraMessageSourceInstaller(ApplicationContext context, CarteraMessages messages,
            ObjectProvider<SpringTemplateEngine> templateEngine) {
        return new CarteraMessageSourceInstaller(context, messages, templateEngine);
    }

    @Bean
    @ConditionalOnMissingBean
    CarteraBrandingProvider carteraBrandingProvider(CarteraProperties properties, CarteraUiProperties ui) {
        return new DefaultCarteraBrandingProvider(properties, ui);
    }

    /** Shared with the REST API's stream when both are on, so an alert reaches the UI and API subscribers alike. */
    @Bean
    @ConditionalOnMissingBean
    AlertStream carteraAlertStream() {
        return new AlertStream();
    }

    @Bean
    AlertItems carteraAlertItems(Cartera cartera, CarteraMessages messages, CarteraProperties properties) {
        return new AlertItems(cartera.alerts(), messages, properties.web().basePath());
    }

    @Bean("carteraFormat")
    @ConditionalOnMissingBean
    CarteraUiFormat carteraFormat(Cartera cartera, CarteraUiProperties ui, CarteraMessages messages) {
        return new CarteraUiFormat(cartera.transactions().clock(), ui.timeZone(), messages);
    }
}
