package dev.cartera.spring.ui;

import static dev.cartera.spring.ui.CustomerCardIntegrationTests.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.activity.Priority;
import dev.cartera.core.common.RecordType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Mi día" on a phone, bulk tasks from the customer list and the calendar feed in the user menu. */
class MyDayAndBulkTasksIntegrationTests extends UiIntegrationTestSupport {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private String tenant;

    @BeforeEach
    void aFirm() {
        tenant = newTenant();
    }

    @Test
    void myDayGroupsOverdueTodayAndNextDaysWithSubtasksUnderTheirTask() throws Exception {
        UUID account = signedIn("ana", tenant, () -> cartera.accounts().create(AccountDraft.company("Frutas Marisa")).id());
        Instant laterToday = LocalDate.now(MADRID).plusDays(1).atStartOfDay(MADRID).toInstant().minusSeconds(30);
        ActivityView late = task("Devolver llamada a Marisa", account, Instant.now().minus(2, ChronoUnit.DAYS), null);
        ActivityView today = task("Preparar pedido semanal", account, laterToday, null);
        ActivityView sub = task("Confirmar precios", account, laterToday, today.id());
        ActivityView next = task("Visita de seguimiento", account, Instant.now().plus(3, ChronoUnit.DAYS), null);
        task("Dentro de un mes", account, Instant.now().plus(30, ChronoUnit.DAYS), null);
        ActivityView own = task("Revisar el correo", null, laterToday, null);

        String html = mvc.perform(get("/crm/my-day").with(as("ana", tenant))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("data-testid=\"nav-my-day\"", ">Mi día<");
        assertThat(section(html, "my-day-overdue")).contains(late.subject(), "data-testid=\"day-complete-" + late.id() + "\"")
                .doesNotContain(today.subject());
        String todays = section(html, "my-day-today");
        assertThat(todays).contains(today.subject(), "data-testid=\"subtasks-" + today.id() + "\"", "data-testid=\"subtask-" + sub.id() + "\"");
        assertThat(todays.indexOf(sub.subject())).isGreaterThan(todays.indexOf(today.subject()));
        assertThat(todays).contains(own.subject());
        assertThat(section(html, "my-day-upcoming")).contains(next.subject(), ">Frutas Marisa<").doesNotContain("Dentro de un mes");
        assertThat(mvc.perform(get("/crm/my-day").with(as("rep", tenant))).andReturn().getResponse().getContentAsString())
                .doesNotContain(late.subject()).contains("Nada vencido. ¡Al día!");

        String after = mvc.perform(post("/crm/my-day/{id}/complete", late.id()).param("version", String.valueOf(late.version()))
                        .with(as("ana", tenant)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).startsWith("<div id=\"my-day-groups\"").doesNotContain(late.subject(), "<html").contains(today.subject());
    }

    @Test
    void createsOneTaskPerSelectedCustomer() throws Exception {
        List<UUID> ids = signedIn("ana", tenant, () -> List.of("Bar Pepe", "Bar Lola", "Hotel Sol").stream()
                .map(name -> cartera.accounts().create(AccountDraft.company(name)).id()).toList());

        String list = mvc.perform(get("/crm/accounts").with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("data-testid=\"bulk-select\"", "data-testid=\"select-" + ids.get(0) + "\"", "Tarea para todos (3)");
        String form = mvc.perform(get("/crm/accounts/bulk-task").param("ids", ids.get(0).toString(), ids.get(1).toString())
                .with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Para 2 clientes elegidos.", "Bar Pepe", "Bar Lola", "Crear 2 tareas").doesNotContain("Hotel Sol");

        mvc.perform(post("/crm/accounts/bulk-task").param("ids", ids.get(0).toString(), ids.get(1).toString())
                        .param("type", "CALL").param("subject", "Presentar la campaña de verano").param("due", "2031-06-02")
                        .with(as("ana", tenant)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/crm/accounts"))
                .andExpect(flash().attribute("bulkCreated", 2));

        assertThat(tasksOn(ids.get(0))).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(ActivityType.CALL);
            assertThat(t.subject()).isEqualTo("Presentar la campaña de verano");
            assertThat(t.dueAt().atZone(MADRID).toLocalDate()).isEqualTo(LocalDate.of(2031, 6, 2));
        });
        assertThat(tasksOn(ids.get(1))).hasSize(1);
        assertThat(tasksOn(ids.get(2))).isEmpty();
        assertThat(mvc.perform(get("/crm/accounts").flashAttr("bulkCreated", 2).with(as("ana", tenant))).andReturn().getResponse()
                .getContentAsString()).contains("Se han creado 2 tareas, una por cliente.");
    }

    @Test
    void createsOneTaskForEveryResultOfTheSearch() throws Exception {
        signedIn("ana", tenant, () -> {
            for (String name : List.of("Bodega Alta", "Bodega Baja", "Bodega Centro", "Ferretería Sur")) {
                cartera.accounts().create(AccountDraft.company(name));
            }
            return null;
        });

        assertThat(mvc.perform(get("/crm/accounts/bulk-task").param("all", "true").param("q", "bodega").with(as("ana", tenant)))
                .andReturn().getResponse().getContentAsString()).contains("Para los 3 clientes de la búsqueda.");
        mvc.perform(post("/crm/accounts/bulk-task").param("all", "true").param("q", "bodega").param("type", "VISIT")
                        .param("subject", "Visita de temporada").with(as("ana", tenant)).with(csrf()))
                .andExpect(redirectedUrl("/crm/accounts?q=bodega"));

        long visits = cartera.transactions().asSystem(tenant, work -> work.em().createQuery(
                "select count(a) from Activity a where a.subject = 'Visita de temporada'", Long.class).getSingleResult());
        assertThat(visits).isEqualTo(3);
    }

    @Test
    void aBulkTaskWithoutSubjectOrCustomersIsExplained() throws Exception {
        UUID id = signedIn("ana", tenant, () -> cartera.accounts().create(AccountDraft.company("Bar Pepe")).id());

        assertThat(mvc.perform(post("/crm/accounts/bulk-task").param("ids", id.toString()).param("subject", " ")
                        .with(as("ana", tenant)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("data-testid=\"error-subject\">Campo obligatorio<");
        assertThat(mvc.perform(post("/crm/accounts/bulk-task").param("subject", "Llamar").with(as("ana", tenant)).with(csrf()))
                .andReturn().getResponse().getContentAsString()).contains("Elige al menos un cliente.");
        assertThat(tasksOn(id)).isEmpty();
    }

    @Test
    void theUserMenuMakesACalendarFeedShownOnceAndRevokesIt() throws Exception {
        UUID ana = cartera.asSystem(tenant, crm -> crm.users().findByUsername("ana").orElseThrow().id());
        cartera.asSystem(tenant, crm -> crm.activities().create(new ActivityDraft(ActivityType.MEETING, "Reunión con Bar Pepe", null,
                null, null, ana, Instant.now().plus(1, ChronoUnit.DAYS), null, null, Priority.NORMAL, null, null, false)));
        assertThat(mvc.perform(get("/crm").with(as("ana", tenant))).andReturn().getResponse().getContentAsString())
                .contains("data-testid=\"menu-calendar-feed\"", "href=\"/crm/calendar-feed\"");

        String created = mvc.perform(post("/crm/calendar-feed").with(as("ana", tenant)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String url = created.substring(created.indexOf("http://localhost/crm/api/v1/public/calendar/"));
        url = url.substring(0, url.indexOf('"'));
        assertThat(url).endsWith(".ics");
        assertThat(created).contains("data-testid=\"calendar-feed-copy\"", "webcal://localhost/crm/api/v1/public/calendar/");
        String path = url.substring("http://localhost".length());
        assertThat(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("BEGIN:VCALENDAR", "Reunión con Bar Pepe", "Europe/Madrid");
        assertThat(mvc.perform(get("/crm/calendar-feed").with(as("ana", tenant))).andReturn().getResponse().getContentAsString())
                .doesNotContain(path);

        assertThat(mvc.perform(post("/crm/calendar-feed/revoke").with(as("ana", tenant)).with(csrf())).andReturn().getResponse()
                .getContentAsString()).contains("Se ha revocado 1 dirección.");
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }

    private ActivityView task(String subject, UUID account, Instant due, UUID parent) {
        return signedIn("ana", tenant, () -> cartera.activities().create(new ActivityDraft(ActivityType.TODO, subject, null,
                account == null ? null : RecordType.ACCOUNT, account, null, due, null, null, Priority.NORMAL, parent, null, false)));
    }

    private List<ActivityView> tasksOn(UUID account) {
        return signedIn("ana", tenant, () -> cartera.activities().ofRecord(RecordType.ACCOUNT, account));
    }
}
