package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountKind;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.account.ContactDraft;
import dev.cartera.core.account.ContactView;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.ConversionResult;
import dev.cartera.core.lead.LeadConversion;
import dev.cartera.core.lead.LeadDraft;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The duplicates pages on a real database: the list per record type with score and reasons, the
 * side-by-side merge of two customers and of two contacts (survivor, picked values, confirmation),
 * everything related showing on the survivor, the audit, and the warnings of the new-contact and
 * new-customer forms. Each subclass picks the database.
 */
abstract class DuplicatePagesScenarios extends UiIntegrationTestSupport {
    @Autowired
    JdbcTemplate jdbc;

    String tenant;
    /** A customer converted from a lead: with a contact, a deal and a logged call. */
    ConversionResult converted;
    /** The same firm typed in again by hand, with another phone and no e-mail. */
    AccountView retyped;

    @BeforeEach
    void firmWithATwin() {
        tenant = newTenant();
        converted = cartera.asSystem(tenant, crm -> {
            var lead = crm.leads().create(new LeadDraft("Lucía", "Martín", "Panadería Lucía SL", "Gerente",
                    "lucia@panaderialucia.es", "912 345 678", "B58378431", "referral", null, null, "Calle Mayor 3",
                    "Alcalá de Henares", "28801", "Madrid", null, null, 4, "TPV", null));
            ConversionResult result = crm.leads().convert(lead.id(), null,
                    LeadConversion.withOpportunity("Instalación TPV", new BigDecimal("1500.50")));
            crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Llamada de bienvenida", RecordType.ACCOUNT, result.accountId()));
            return result;
        });
        retyped = cartera.asSystem(tenant, crm -> crm.accounts().create(new AccountDraft(AccountKind.COMPANY, "Panaderia Lucia S.L.",
                null, "B-58378431", null, "911 000 111", null, null, "Alcalá de Henares", null, null, null, null, null, true, false, false,
                null, null, null, null), true));
    }

    @Test
    void listsTheLikelyTwinsOfEachKindWithScoreAndReasons() throws Exception {
        String accounts = page("/crm/duplicates?type=account", "ana");
        assertThat(accounts).contains("data-type=\"ACCOUNT\"", "Panadería Lucía SL", "Panaderia Lucia S.L.", "100 % parecido")
                .contains("coincide en NIF/CIF, nombre de empresa").contains("/crm/duplicates/merge?type=account&amp;a=");
        assertThat(accounts.split("data-testid=\"pair-score\"", -1)).as("one pair, listed once").hasSize(2);

        cartera.asSystem(tenant, crm -> crm.contacts().create(new ContactDraft(retyped.id(), "Lucia", "Martin Ruiz", null,
                "LUCIA@panaderialucia.es", null, null, null, null, null)));
        String contacts = page("/crm/duplicates?type=contact", "ana");
        assertThat(contacts).contains("data-type=\"CONTACT\"", "Lucía Martín", "Lucia Martin Ruiz", "coincide en email");

        assertThat(page("/crm/duplicates?type=lead", "ana")).contains("data-type=\"LEAD\"", "data-testid=\"empty\"");
        assertThat(page("/crm/duplicates?type=account", "rep")).doesNotContain("data-testid=\"pair-merge\"");
    }

    @Test
    void mergesTwoCustomersWithThePickedValuesAndMovesEverythingToTheSurvivor() throws Exception {
        UUID survivor = retyped.id();
        UUID twin = converted.accountId();
        String compare = page("/crm/duplicates/merge?type=account&a=" + survivor + "&b=" + twin, "ana");
        assertThat(compare).contains("data-testid=\"merge-field-name\"", "Panaderia Lucia S.L.", "Panadería Lucía SL",
                "+34911000111", "+34912345678", "data-testid=\"pick-phone-b\"").doesNotContain("data-testid=\"merge-confirm\"");

        String review = mvc.perform(post("/crm/duplicates/merge").with(as("ana", tenant)).with(csrf())
                        .param("type", "account").param("a", survivor.toString()).param("b", twin.toString()).param("survivor", "A")
                        .param("pick.name", "B").param("pick.phone", "A"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(review).contains("data-testid=\"merge-summary\"", "data-testid=\"merge-confirm\"",
                "«Panadería Lucía SL» se fusionará en «Panaderia Lucia S.L.»");
        UUID stillThere = cartera.asSystem(tenant, crm -> crm.accounts().get(twin).id());
        assertThat(stillThere).as("nothing merged before the confirmation").isEqualTo(twin);

        MvcResult merged = mvc.perform(post("/crm/duplicates/merge").with(as("ana", tenant)).with(csrf())
                        .param("type", "account").param("a", survivor.toString()).param("b", twin.toString()).param("survivor", "A")
                        .param("pick.name", "B").param("pick.phone", "A").param("confirmed", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/crm/accounts/" + survivor + "?merged=1")).andReturn();

        AccountView kept = cartera.asSystem(tenant, crm -> crm.accounts().get(survivor));
        assertThat(kept.name()).isEqualTo("Panadería Lucía SL");
        assertThat(kept.phone()).isEqualTo("+34911000111");
        assertThat(kept.email()).as("a blank of the survivor filled from the twin").isEqualTo("lucia@panaderialucia.es");
        assertThatThrownBy(() -> cartera.asSystem(tenant, crm -> crm.accounts().get(twin))).isInstanceOf(NotFoundException.class);

        String card = mvc.perform(get(merged.getResponse().getRedirectedUrl()).with(as("ana", tenant)).flashAttrs(merged.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(CustomerCardIntegrationTests.section(card, "merged")).contains("Registros fusionados", "1 contacto", "1 oportunidad");
        assertThat(CustomerCardIntegrationTests.section(card, "card-contacts")).contains("Lucía Martín");
        assertThat(CustomerCardIntegrationTests.section(card, "card-opportunities")).contains("Instalación TPV");
        assertThat(CustomerCardIntegrationTests.section(card, "card-timeline")).contains("Llamada de bienvenida");
        assertThat(jdbc.queryForObject("select count(*) from crm_audit where tenant_id = ? and action = 'MERGE' and record_id = ?",
                Long.class, tenant, survivor)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from crm_audit where tenant_id = ? and action = 'MERGED' and record_id = ?",
                Long.class, tenant, twin)).isEqualTo(1L);
    }

    @Test
    void mergesTwoContactsAndShowsTheirActivitiesOnTheSurvivor() throws Exception {
        ContactView original = cartera.asSystem(tenant, crm -> crm.contacts().ofAccount(converted.accountId()).get(0));
        ContactView again = cartera.asSystem(tenant, crm -> {
            ContactView c = crm.contacts().create(new ContactDraft(converted.accountId(), "Lucía", "Martín", "Dueña",
                    "lucia@panaderialucia.es", null, "600 111 222", null, null, null));
            crm.activities().create(ActivityDraft.logged(ActivityType.MEETING, "Visita al obrador", RecordType.CONTACT, c.id()));
            return c;
        });

        MvcResult merged = mvc.perform(post("/crm/duplicates/merge").with(as("ana", tenant)).with(csrf())
                        .param("type", "contact").param("a", original.id().toString()).param("b", again.id().toString())
                        .param("survivor", "A").param("pick.jobTitle", "B").param("confirmed", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/crm/contacts/" + original.id() + "?merged=1")).andReturn();

        ContactView kept = cartera.asSystem(tenant, crm -> crm.contacts().get(original.id()));
        assertThat(kept.jobTitle()).isEqualTo("Dueña");
        assertThat(kept.mobile()).isEqualTo("+34600111222");
        String page = mvc.perform(get(merged.getResponse().getRedirectedUrl()).with(as("ana", tenant)).flashAttrs(merged.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(CustomerCardIntegrationTests.section(page, "merged")).contains("1 actividad o tarea");
        assertThat(CustomerCardIntegrationTests.section(page, "contact-activities")).contains("Visita al obrador");
        assertThat(CustomerCardIntegrationTests.section(page, "contact-deals")).contains("Instalación TPV");
        assertThat(page).contains("data-testid=\"contact-account\"", "Panadería Lucía SL");
    }

    @Test
    void aSalesRepCannotMergeAndBadInputGetsAClearAnswer() throws Exception {
        // A rep either does not see these customers (404) or sees the page with the refusal; never a merge.
        MvcResult refused = mvc.perform(post("/crm/duplicates/merge").with(as("rep", tenant)).with(csrf())
                        .param("type", "account").param("a", retyped.id().toString()).param("b", converted.accountId().toString())
                        .param("confirmed", "true"))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isIn(200, 404);
        if (refused.getResponse().getStatus() == 200) {
            assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Tu perfil no permite esta acción.");
        }
        UUID notMerged = cartera.asSystem(tenant, crm -> crm.accounts().get(converted.accountId()).id());
        assertThat(notMerged).isEqualTo(converted.accountId());

        String same = mvc.perform(post("/crm/duplicates/merge").with(as("ana", tenant)).with(csrf())
                        .param("type", "account").param("a", retyped.id().toString()).param("b", retyped.id().toString())
                        .param("confirmed", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(same).contains("No se puede fusionar un registro consigo mismo.");
        String unknown = mvc.perform(get("/crm/duplicates?type=invoice").with(as("ana", tenant)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknown).doesNotContain("Exception", "at dev.cartera");
    }

    @Test
    void theNewCustomerAndNewContactFormsWarnOfLikelyDuplicatesAsTheUserTypes() throws Exception {
        String accountWarning = mvc.perform(post("/crm/accounts/duplicates").with(as("ana", tenant)).with(csrf())
                        .param("name", "Panadería Lucía").param("taxId", "b58378431"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(accountWarning).contains("data-testid=\"duplicate-candidate\"", "Panadería Lucía SL", "NIF/CIF")
                .doesNotContain("allow-duplicates");
        String contactWarning = mvc.perform(post("/crm/contacts/duplicates").with(as("ana", tenant)).with(csrf())
                        .param("lastName", "Otro").param("email", "lucia@panaderialucia.es"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(contactWarning).contains("Lucía Martín", "coincide en email");
        assertThat(page("/crm/accounts/new", "ana")).contains("hx-post=\"/crm/accounts/duplicates\"", "data-testid=\"account-name\"");
        assertThat(page("/crm/contacts/new?account=" + converted.accountId(), "ana"))
                .contains("hx-post=\"/crm/contacts/duplicates\"", "En Panadería Lucía SL");

        mvc.perform(post("/crm/accounts").with(as("ana", tenant)).with(csrf()).param("kind", "COMPANY").param("name", "Horno Nuevo SL")
                        .param("taxId", "B-58378431"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/crm/accounts/*"));
        String badTax = mvc.perform(post("/crm/accounts").with(as("ana", tenant)).with(csrf()).param("name", "Horno Otro")
                        .param("taxId", "12345678A"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badTax).contains("data-testid=\"error-taxId\"", "La letra del NIF no es correcta");
        mvc.perform(post("/crm/contacts").with(as("ana", tenant)).with(csrf()).param("accountId", converted.accountId().toString())
                        .param("firstName", "Pedro").param("lastName", "Gil").param("email", "pedro@panaderialucia.es"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/crm/contacts/*"));
        String noName = mvc.perform(post("/crm/contacts").with(as("ana", tenant)).with(csrf()).param("firstName", "Pedro"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noName).contains("data-testid=\"error-lastName\"");
    }

    String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(user, tenant))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
