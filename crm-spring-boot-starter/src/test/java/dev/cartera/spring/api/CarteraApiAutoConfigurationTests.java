package dev.cartera.spring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.cartera.core.Cartera;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.spi.CurrentUser;
import dev.cartera.core.spi.TenantResolver;
import dev.cartera.core.testing.TestDatabases;
import dev.cartera.spring.CarteraAutoConfiguration;
import dev.cartera.spring.api.account.AccountController;
import dev.cartera.spring.api.account.ContactController;
import dev.cartera.spring.api.activity.ActivityController;
import dev.cartera.spring.api.lead.LeadController;
import dev.cartera.spring.api.opportunity.OpportunityController;
import dev.cartera.spring.api.opportunity.PipelineController;
import dev.cartera.spring.api.support.ApiFallbackController;
import dev.cartera.spring.api.support.ApiProblems;
import dev.cartera.spring.api.user.UserController;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;

/** When the API's beans appear, and that a host's own beans always win over the starter's. */
class CarteraApiAutoConfigurationTests {
    private static final AutoConfigurations CARTERA = AutoConfigurations.of(CarteraAutoConfiguration.class,
            CarteraApiAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(CARTERA);

    @Test
    void aWebHostWithADataSourceGetsEveryController() {
        web.withBean(DataSource.class, TestDatabases::freshH2).run(context -> assertThat(context)
                .hasNotFailed()
                .hasSingleBean(Cartera.class)
                .hasSingleBean(LeadController.class)
                .hasSingleBean(AccountController.class)
                .hasSingleBean(ContactController.class)
                .hasSingleBean(OpportunityController.class)
                .hasSingleBean(PipelineController.class)
                .hasSingleBean(ActivityController.class)
                .hasSingleBean(UserController.class)
                .hasSingleBean(ApiFallbackController.class)
                .hasSingleBean(ApiProblems.class));
    }

    @Test
    void apiEnabledFalseRemovesTheControllersButKeepsCartera() {
        web.withBean(DataSource.class, TestDatabases::freshH2).withPropertyValues("cartera.api.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(Cartera.class)
                        .hasSingleBean(LeadService.class)
                        .doesNotHaveBean(LeadController.class)
                        .doesNotHaveBean(ApiFallbackController.class)
                        .doesNotHaveBean(ApiProblems.class));
    }

    @Test
    void withoutADataSourceThereIsNoCarteraAndNoApi() {
        web.run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(Cartera.class)
                .doesNotHaveBean(LeadService.class)
                .doesNotHaveBean(TenantResolver.class)
                .doesNotHaveBean(LeadController.class));
    }

    @Test
    void aHostThatIsNoWebApplicationGetsCarteraWithoutControllers() {
        new ApplicationContextRunner().withConfiguration(CARTERA).withBean(DataSource.class, TestDatabases::freshH2)
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(Cartera.class)
                        .doesNotHaveBean(LeadController.class));
    }

    @Test
    void theHostsTenantResolverCurrentUserAndLeadServiceWin() {
        web.withBean(DataSource.class, TestDatabases::freshH2).withUserConfiguration(HostBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(TenantResolver.class)).containsOnlyKeys("hostTenantResolver");
            assertThat(context.getBeansOfType(CurrentUser.class)).containsOnlyKeys("hostCurrentUser");
            assertThat(context.getBeansOfType(LeadService.class)).containsOnlyKeys("hostLeadService");
            assertThat(context.getBean(TenantResolver.class).currentTenant()).isEqualTo("firm-42");
            assertThat(ReflectionTestUtils.getField(context.getBean(LeadController.class), "leads"))
                    .isSameAs(context.getBean("hostLeadService"));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class HostBeans {
        @Bean
        TenantResolver hostTenantResolver() {
            return () -> "firm-42";
        }

        @Bean
        CurrentUser hostCurrentUser() {
            return () -> Optional.of("erp-user");
        }

        @Bean
        LeadService hostLeadService() {
            return mock(LeadService.class);
        }
    }
}
