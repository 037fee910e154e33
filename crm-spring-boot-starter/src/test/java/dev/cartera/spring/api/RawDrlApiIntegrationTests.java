package dev.cartera.spring.api;

import static dev.cartera.spring.api.ApiScenarios.problem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.cartera.core.Cartera;
import dev.cartera.core.access.Role;
import dev.cartera.rules.RulesOptions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A host that grants raw DRL to its own developers with a {@link RulesOptions} bean: their raw rules are saved,
 * compiled and reported by rule name; the firm's admins still get 403. On H2.
 */
@SpringBootTest(classes = ApiTestApplication.class, properties = "spring.datasource.url=jdbc:h2:mem:cartera-raw-drl;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@Import(RawDrlApiIntegrationTests.HostDevelopers.class)
class RawDrlApiIntegrationTests {
    static final String DEVELOPERS_TENANT = "host-developers";

    @TestConfiguration
    static class HostDevelopers {
        @Bean
        RulesOptions carteraRulesOptions() {
            return RulesOptions.defaults().withRawDrl(actor -> actor.role() == Role.ADMIN && DEVELOPERS_TENANT.equals(actor.tenantId()));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Cartera cartera;

    @Test
    void onlyTheHostsDevelopersSaveRawDrlAndItsErrorsComeBackByRuleName() throws Exception {
        Organisation developers = Organisation.create(cartera, DEVELOPERS_TENANT);
        Organisation firm = Organisation.create(cartera, "firm-" + UUID.randomUUID().toString().substring(0, 8));
        String body = """
                {"assignment": [{"name": "Feria a rep2", "criteria": [], "assignTo": {"kind": "USER", "userId": "%s"}}],
                 "rawDrl": "rule \\"Typo\\"\\nwhen\\n    $f : RecordFact( value(\\"source\\") === )\\nthen\\nend\\n"}""";

        call(firm, post(ApiScenarios.API + "/rules/sets/assignment/versions").content(body.formatted(firm.rep2())))
                .andExpect(problem(403, "rules.raw-drl.forbidden"));
        String id = JsonPath.read(call(developers, post(ApiScenarios.API + "/rules/sets/assignment/versions")
                        .content(body.formatted(developers.rep2())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rawDrl").isNotEmpty())
                .andReturn().getResponse().getContentAsString(), "$.id");
        call(developers, post(ApiScenarios.API + "/rules/versions/" + id + "/validate"))
                .andExpect(problem(422, "rules.invalid"))
                .andExpect(jsonPath("$.errors[0].rule").value("raw DRL"))
                .andExpect(jsonPath("$.errors[0].code").value("raw-drl-rule-does-not-compile"))
                .andExpect(jsonPath("$.errors[0].args[0]").value("Typo"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("La regla «Typo» del DRL no compila (línea 3): ")));
        call(developers, get(ApiScenarios.API + "/rules/sets")).andExpect(jsonPath("$[0].activeVersionId").doesNotExist());
    }

    private ResultActions call(Organisation org, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("admin")).header(ApiTestApplication.TENANT_HEADER, org.tenant())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON));
    }
}
