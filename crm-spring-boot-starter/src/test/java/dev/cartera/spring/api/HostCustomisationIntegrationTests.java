package dev.cartera.spring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.Cartera;
import dev.cartera.core.lead.LeadService;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** A host that moves the API and brings its own lead service, which fails the way real systems fail. */
@SpringBootTest(classes = {ApiTestApplication.class, HostCustomisationIntegrationTests.HostBeans.class},
        properties = "cartera.api.base-path=/api/crm")
@AutoConfigureMockMvc
class HostCustomisationIntegrationTests {
    @Autowired
    MockMvc mvc;
    @Autowired
    Cartera cartera;

    Organisation org;

    @Configuration(proxyBeanMethods = false)
    static class HostBeans {
        @Bean
        LeadService hostLeadService() {
            LeadService leads = mock(LeadService.class);
            when(leads.get(any())).thenThrow(new IllegalStateException("connection to db01.internal refused, password=hunter2"));
            when(leads.search(any(), any())).thenThrow(new AuthorizationDeniedException("denied by the host's method security"));
            return leads;
        }
    }

    @BeforeEach
    void freshTenant() {
        org = Organisation.create(cartera, "host-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void theApiLivesUnderTheConfiguredBasePath() throws Exception {
        mvc.perform(get("/api/crm/users/me").with(user("admin")).header(ApiTestApplication.TENANT_HEADER, org.tenant()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(org.admin().toString()));
        mvc.perform(get("/crm/api/v1/users/me").with(user("admin")).header(ApiTestApplication.TENANT_HEADER, org.tenant()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/crm/nothing-here").with(user("admin")).header(ApiTestApplication.TENANT_HEADER, org.tenant()))
                .andExpect(ApiScenarios.problem(404, "route.not-found"));
    }

    @Test
    void theHostsLeadServiceIsUsedAndItsFailureIsA500ProblemThatRevealsNothing() throws Exception {
        String body = mvc.perform(get("/api/crm/leads/" + UUID.randomUUID()).with(user("admin"))
                        .header(ApiTestApplication.TENANT_HEADER, org.tenant()))
                .andExpect(ApiScenarios.problem(500, "internal.error"))
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred."))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("db01", "hunter2", "IllegalStateException", "at dev.cartera");
    }

    @Test
    void springSecurityDenialsAreLeftToTheHostsSecurity() throws Exception {
        String body = mvc.perform(get("/api/crm/leads").with(user("admin")).header(ApiTestApplication.TENANT_HEADER, org.tenant()))
                .andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("internal.error");
    }
}
