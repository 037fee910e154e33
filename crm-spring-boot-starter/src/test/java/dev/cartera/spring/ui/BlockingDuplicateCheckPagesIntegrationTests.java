package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.common.PageRequest;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadQuery;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With {@code cartera.duplicate-check=BLOCK} the lead, customer and contact forms refuse a likely duplicate, shows it, and offers "create anyway". */
@TestPropertySource(properties = "cartera.duplicate-check=BLOCK")
class BlockingDuplicateCheckPagesIntegrationTests extends UiIntegrationTestSupport {

    @Test
    void showsTheCandidatesAndCreatesOnlyWithTheOverride() throws Exception {
        String tenant = newTenant();
        cartera.asSystem(tenant, crm -> crm.leads().create(LeadDraft.of("Jordi", "Puig", "Forn Puig", "jordi@fornpuig.cat", null, "web"), true));

        String refused = mvc.perform(post("/crm/leads").with(as("ana", tenant)).with(csrf())
                        .param("firstName", "Jordi").param("lastName", "Puig i Serra").param("email", "jordi@fornpuig.cat").param("source", "web"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("data-testid=\"duplicate-candidate\"", "Jordi Puig (Forn Puig)", "data-testid=\"allow-duplicates\"",
                "Ya existen registros parecidos");
        assertThat(count(tenant)).isEqualTo(1);

        mvc.perform(post("/crm/leads").with(as("ana", tenant)).with(csrf())
                        .param("firstName", "Jordi").param("lastName", "Puig i Serra").param("email", "jordi@fornpuig.cat").param("source", "web")
                        .param("allowDuplicates", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/crm/leads/*"));
        assertThat(count(tenant)).isEqualTo(2);
    }

    @Test
    void theNewCustomerAndNewContactFormsRefuseALikelyDuplicateUnlessTheUserSaysItIsNot() throws Exception {
        String tenant = newTenant();
        var existing = cartera.asSystem(tenant, crm -> crm.accounts().create(
                dev.cartera.core.account.AccountDraft.company("Forn Puig SL"), true));
        cartera.asSystem(tenant, crm -> crm.contacts().create(new dev.cartera.core.account.ContactDraft(existing.id(), "Jordi", "Puig",
                null, "jordi@fornpuig.cat", null, null, null, null, null)));

        String refused = mvc.perform(post("/crm/accounts").with(as("ana", tenant)).with(csrf()).param("kind", "COMPANY")
                        .param("name", "Forn Puig S.L."))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("data-testid=\"duplicate-candidate\"", "Forn Puig SL", "data-testid=\"allow-duplicates\"",
                "Ya existen registros parecidos");
        assertThat(accounts(tenant)).isEqualTo(1);
        mvc.perform(post("/crm/accounts").with(as("ana", tenant)).with(csrf()).param("kind", "COMPANY").param("name", "Forn Puig S.L.")
                        .param("allowDuplicates", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/crm/accounts/*"));
        assertThat(accounts(tenant)).isEqualTo(2);

        String contact = mvc.perform(post("/crm/contacts").with(as("ana", tenant)).with(csrf()).param("accountId", existing.id().toString())
                        .param("lastName", "Puig Serra").param("email", "JORDI@fornpuig.cat"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(contact).contains("data-testid=\"duplicate-candidate\"", "Jordi Puig", "data-testid=\"allow-duplicates\"");
        assertThat(contacts(tenant, existing.id())).isEqualTo(1);
        mvc.perform(post("/crm/contacts").with(as("ana", tenant)).with(csrf()).param("accountId", existing.id().toString())
                        .param("lastName", "Puig Serra").param("email", "JORDI@fornpuig.cat").param("allowDuplicates", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/crm/contacts/*"));
        assertThat(contacts(tenant, existing.id())).isEqualTo(2);
    }

    private long accounts(String tenant) {
        return cartera.asSystem(tenant, crm -> crm.accounts().search(dev.cartera.core.account.AccountQuery.all(), PageRequest.first(10)).total());
    }

    private long contacts(String tenant, java.util.UUID account) {
        return cartera.asSystem(tenant, crm -> crm.contacts().ofAccount(account).size());
    }

    private long count(String tenant) {
        return cartera.asSystem(tenant, crm -> crm.leads().search(LeadQuery.all(), PageRequest.first(10)).total());
    }
}
