package dev.cartera.spring.api;

import dev.cartera.core.Cartera;
import dev.cartera.spring.CarteraAutoConfiguration;
import dev.cartera.spring.CarteraProperties;
import dev.cartera.spring.api.account.AccountController;
import dev.cartera.spring.api.alert.AlertController;
import dev.cartera.spring.api.alert.AlertStream;
import dev.cartera.spring.api.calendar.CalendarFeedController;
import dev.cartera.spring.api.document.DocumentController;
import dev.cartera.spring.api.document.PublicController;
import dev.cartera.spring.api.document.UploadLinkController;
import dev.cartera.spring.api.imports.ImportController;
import dev.cartera.spring.api.duplicate.DuplicateController;
import dev.cartera.spring.api.account.ContactController;
import dev.cartera.spring.api.activity.ActivityController;
import dev.cartera.spring.api.lead.LeadController;
import dev.cartera.spring.api.opportunity.OpportunityController;
import dev.cartera.spring.api.opportunity.PipelineController;
import dev.cartera.spring.api.board.BoardController;
import dev.cartera.spring.api.catalog.CatalogController;
import dev.cartera.spring.api.opportunity.LostReasonController;
import dev.cartera.spring.api.quote.PublicQuoteController;
import dev.cartera.spring.api.quote.QuoteController;
import dev.cartera.spring.api.support.ApiFallbackController;
import dev.cartera.spring.api.support.ApiProblems;
import dev.cartera.spring.api.user.UserController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The REST API under {@code cartera.api.base-path} (default {@code /crm/api/v1}). The controllers are
 * imported here rather than found by the host's component scan, so {@code cartera.api.enabled=false}
 * removes them all; the base path is a prefix for every controller of this package.
 */
@AutoConfiguration(after = CarteraAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(Cartera.class)
@ConditionalOnProperty(prefix = "cartera.api", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(CarteraProperties.class)
@Import({LeadController.class, AccountController.class, ContactController.class, OpportunityController.class,
        PipelineController.class, ActivityController.class, UserController.class, AlertController.class,
        DocumentController.class, UploadLinkController.class, ImportController.class, DuplicateController.class, PublicController.class, CalendarFeedController.class,
        ApiFallbackController.class, ApiProblems.class,
        LostReasonController.class, BoardController.class, CatalogController.class, QuoteController.class,
        PublicQuoteController.class,
        dev.cartera.spring.api.report.DashboardController.class, dev.cartera.spring.api.report.ReportController.class,
        dev.cartera.spring.api.report.CustomReportController.class,
        dev.cartera.spring.api.rule.RulesApiConfiguration.class})

public class CarteraApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public AlertStream carteraAlertStream() {
        return new AlertStream();
    }

    @Bean
    WebMvcConfigurer carteraApiBasePath(CarteraProperties properties) {
        return new WebMvcConfigurer() {
            @Override
            public void configurePathMatch(PathMatchConfigurer configurer) {
                configurer.addPathPrefix(properties.api().basePath(),
                        HandlerTypePredicate.forBasePackageClass(CarteraApiAutoConfiguration.class));
            }
        };
    }
}
