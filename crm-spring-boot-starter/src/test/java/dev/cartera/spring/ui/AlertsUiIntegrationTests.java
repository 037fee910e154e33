package dev.cartera.spring.ui;

import static dev.cartera.spring.ui.CustomerCardIntegrationTests.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.alert.AlertDraft;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.AlertView;
import dev.cartera.core.common.RecordType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The bell, its panel, acknowledge and snooze, toasts pushed over the stream, and badges on rows and the card (KD-6). */
class AlertsUiIntegrationTests extends UiIntegrationTestSupport {
    private String tenant;
    private UUID account;
    private UUID task;
    private AlertView overdue;

    @BeforeEach
    void anOverdueTaskOnACustomerOfAna() {
        tenant = newTenant();
        account = signedIn("ana", tenant, () -> cartera.accounts().create(AccountDraft.company("Panadería Sol")).id());
        task = signedIn("ana", tenant, () -> cartera.activities().create(ActivityDraft.task("Llamar a Panadería Sol",
                RecordType.ACCOUNT, account, Instant.now().minus(1, ChronoUnit.DAYS))).id());
        cartera.activities().raiseOverdueAlerts(tenant);
        overdue = signedIn("ana", tenant, () -> cartera.alerts().mine().get(0));
    }

    @Test
    void theBellCountsActiveAlertsOnEveryPage() throws Exception {
        for (String page : new String[] {"/crm", "/crm/accounts", "/crm/tasks", "/crm/my-day", "/crm/documents"}) {
            String html = mvc.perform(get(page).with(as("ana", tenant))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).contains("data-testid=\"alert-bell\"", "data-count=\"1\"", "aria-label=\"Avisos: 1 activo\"",
                    "data-alert-stream=\"/crm/alerts/stream\"");
        }
        String rep = mvc.perform(get("/crm").with(as("rep", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(rep).contains("data-count=\"0\"", "bell-count-zero");
    }

    @Test
    void thePanelShowsTheAlertTranslatedWithItsIconColourAndRecord() throws Exception {
        String panel = mvc.perform(get("/crm/alerts").header("HX-Request", "true").with(as("ana", tenant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(panel).startsWith("<div class=\"alert-list\"").doesNotContain("<html");
        assertThat(panel).contains("data-testid=\"alert-" + overdue.id() + "\"", "severity-warning", "bi-alarm",
                ">Tarea vencida: Llamar a Panadería Sol<", "href=\"/crm/accounts/" + account + "\"",
                "data-testid=\"acknowledge-" + overdue.id() + "\"", "data-testid=\"snooze-hour-" + overdue.id() + "\"",
                "data-testid=\"snooze-tomorrow-" + overdue.id() + "\"");
        assertThat(mvc.perform(get("/crm/alerts").param("lang", "en").with(as("ana", tenant))).andReturn().getResponse()
                .getContentAsString()).contains(">Overdue task: Llamar a Panadería Sol<", "data-testid=\"alerts-page\"");
        assertThat(mvc.perform(get("/crm/alerts").param("lang", "ca").with(as("ana", tenant))).andReturn().getResponse()
                .getContentAsString()).contains(">Tasca vençuda: Llamar a Panadería Sol<");
    }

    @Test
    void acknowledgingEmptiesThePanelAndTheBell() throws Exception {
        String fragment = mvc.perform(post("/crm/alerts/{id}/acknowledge", overdue.id()).with(as("ana", tenant)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("data-testid=\"alerts-empty\"", "id=\"alert-count\"", "hx-swap-oob=\"true\"", "data-count=\"0\"");
        assertThat(mvc.perform(get("/crm").with(as("ana", tenant))).andReturn().getResponse().getContentAsString())
                .contains("data-count=\"0\"");
        assertThat(signedIn("ana", tenant, () -> cartera.alerts().myCount())).isZero();
    }

    @Test
    void snoozingUntilTomorrowHidesTheAlertUntilEightInTheMorning() throws Exception {
        mvc.perform(post("/crm/alerts/{id}/snooze", overdue.id()).param("for", "tomorrow").with(as("ana", tenant)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk());

        assertThat(signedIn("ana", tenant, () -> cartera.alerts().myCount())).isZero();
        Instant until = cartera.transactions().asSystem(tenant, work -> work.em()
                .createQuery("select a.snoozedUntil from Alert a where a.id = :id", Instant.class)
                .setParameter("id", overdue.id()).getSingleResult());
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        assertThat(until.atZone(madrid).toLocalDate()).isEqualTo(LocalDate.now(madrid).plusDays(1));
        assertThat(until.atZone(madrid).getHour()).isEqualTo(8);
    }

    @Test
    void snoozingForAnHourWithoutHtmxGoesBackToTheAlertsPage() throws Exception {
        mvc.perform(post("/crm/alerts/{id}/snooze", overdue.id()).param("for", "hour").with(as("ana", tenant)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(signedIn("ana", tenant, () -> cartera.alerts().myCount())).isZero();
    }

    @Test
    void theCustomerCardListsAndTaskListShowTheAlertIcons() throws Exception {
        String card = mvc.perform(get("/crm/accounts/{id}", account).with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(card).contains("data-testid=\"card-alerts\"", "data-testid=\"card-alert-TASK_OVERDUE\"", "Tarea vencida: Llamar a Panadería Sol");
        assertThat(section(card, "card-tasks")).contains("data-testid=\"alert-badge-TASK_OVERDUE\"");

        String accounts = mvc.perform(get("/crm/accounts").with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        String row = accounts.substring(accounts.indexOf("data-testid=\"account-" + account + "\""));
        assertThat(row.substring(0, row.indexOf("</a>"))).contains("data-testid=\"alert-badge-TASK_OVERDUE\"", "bi-alarm", "severity-warning");

        String tasks = mvc.perform(get("/crm/tasks").with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        String taskRow = tasks.substring(tasks.indexOf("data-testid=\"task-" + task + "\""));
        assertThat(taskRow.substring(0, taskRow.indexOf("</li>"))).contains("data-testid=\"alert-badge-TASK_OVERDUE\"");

        String myDay = mvc.perform(get("/crm/my-day").with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(section(myDay, "my-day-overdue")).contains("Llamar a Panadería Sol", "data-testid=\"alert-badge-TASK_OVERDUE\"");
    }

    @Test
    void aToastIsTheTranslatedAlertAndUpdatesTheBell() throws Exception {
        String toast = mvc.perform(get("/crm/alerts/{id}/toast", overdue.id()).with(as("ana", tenant)).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(toast).contains("class=\"toast severity-warning\"", "data-testid=\"toast-" + overdue.id() + "\"",
                ">Tarea vencida: Llamar a Panadería Sol<", "id=\"alert-count\"", "hx-swap-oob=\"true\"", "data-count=\"1\"");
        mvc.perform(get("/crm/alerts/{id}/toast", overdue.id()).with(as("rep", tenant))).andExpect(status().isNotFound());
    }

    @Test
    void theStreamPushesAnAlertRaisedForTheSignedInUser() throws Exception {
        MvcResult stream = mvc.perform(get("/crm/alerts/stream").with(as("ana", tenant)))
                .andExpect(request().asyncStarted()).andReturn();
        UUID ana = cartera.asSystem(tenant, crm -> crm.users().findByUsername("ana").orElseThrow().id());
        UUID rep = cartera.asSystem(tenant, crm -> crm.users().findByUsername("rep").orElseThrow().id());

        AlertView forRep = cartera.asSystem(tenant, crm -> crm.alerts().raise(AlertDraft.of(AlertKind.CUSTOM, rep, RecordType.ACCOUNT,
                account, account, "Para Rubén")));
        AlertView forAna = cartera.asSystem(tenant, crm -> crm.alerts().raise(AlertDraft.of(AlertKind.DUPLICATE_SUSPECTED, ana,
                RecordType.ACCOUNT, account, account, "Panadería Sol")));

        String events = "";
        for (int i = 0; i < 40 && !events.contains(forAna.id().toString()); i++) {
            Thread.sleep(50);
            events = stream.getResponse().getContentAsString();
        }
        assertThat(events).contains("event:alert", "id:" + forAna.id(), "\"kind\":\"DUPLICATE_SUSPECTED\"").doesNotContain(forRep.id().toString());
        assertThat(mvc.perform(get("/crm/alerts/{id}/toast", forAna.id()).with(as("ana", tenant))).andReturn().getResponse()
                .getContentAsString()).contains(">Posible duplicado: Panadería Sol<", "data-count=\"2\"");
    }

    @Test
    void preferencesHideAKindFromTheBellFromNowOn() throws Exception {
        String page = mvc.perform(get("/crm/alerts/preferences").with(as("ana", tenant))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"preference-TASK_OVERDUE\"", "Tareas vencidas", "Por correo");

        mvc.perform(post("/crm/alerts/preferences").with(as("ana", tenant)).with(csrf())
                        .param("inApp_DEAL_STUCK", "on").param("email_DEAL_STUCK", "on"))
                .andExpect(status().is3xxRedirection());
        assertThat(signedIn("ana", tenant, () -> cartera.alerts().myPreferences()))
                .filteredOn(p -> p.kind() == AlertKind.TASK_OVERDUE).singleElement()
                .satisfies(p -> assertThat(p.inApp()).isFalse());
        assertThat(mvc.perform(get("/crm/alerts/preferences").param("saved", "true").param("lang", "en").with(as("ana", tenant)))
                .andReturn().getResponse().getContentAsString()).contains("Preferences saved.", "By e-mail");

        UUID second = signedIn("ana", tenant, () -> cartera.activities().create(ActivityDraft.task("Llamar otra vez",
                RecordType.ACCOUNT, account, Instant.now().minus(2, ChronoUnit.DAYS))).id());
        cartera.activities().raiseOverdueAlerts(tenant);
        assertThat(signedIn("ana", tenant, () -> cartera.alerts().mine())).extracting(AlertView::recordId)
                .doesNotContain(second).contains(task);
    }

    @Test
    void theCardsQuickFormPlansATaskWithAReminderTheDayBefore() throws Exception {
        LocalDate due = LocalDate.now(ZoneId.of("Europe/Madrid")).plusDays(5);
        mvc.perform(post("/crm/accounts/{id}/activities", account).with(as("ana", tenant)).with(csrf())
                        .param("type", "TODO").param("subject", "Renovar seguro").param("due", due.toString())
                        .param("remind", "DAY_BEFORE"))
                .andExpect(status().is3xxRedirection());
        assertThat(signedIn("ana", tenant, () -> cartera.activities().ofRecord(RecordType.ACCOUNT, account)))
                .filteredOn(a -> a.subject().equals("Renovar seguro")).singleElement()
                .satisfies(a -> assertThat(a.remindAt()).isEqualTo(due.minusDays(1).atTime(9, 0).atZone(ZoneId.of("Europe/Madrid")).toInstant()));
        assertThat(mvc.perform(get("/crm/accounts/{id}", account).with(as("ana", tenant))).andReturn().getResponse()
                .getContentAsString()).contains("data-testid=\"quick-remind\"", "El día antes a las 9:00");
    }

    @Test
    void aStuckDealShowsItsAlertIconOnTheKanbanCard() throws Exception {
        UUID deal = signedIn("ana", tenant, () -> cartera.opportunities().create(
                dev.cartera.core.opportunity.OpportunityDraft.named("Hornos nuevos", account, null)).id());
        UUID ana = signedIn("ana", tenant, () -> cartera.users().me().id());
        cartera.asSystem(tenant, crm -> crm.alerts().raise(AlertDraft.of(AlertKind.DEAL_STUCK, ana, RecordType.OPPORTUNITY,
                deal, account, "Hornos nuevos")));
        String board = mvc.perform(get("/crm/opportunities/board").with(as("ana", tenant))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int card = board.indexOf("data-opportunity-id=\"" + deal + "\"");
        assertThat(card).isNotNegative();
        assertThat(board.substring(card, board.indexOf("</li>", card))).contains("alert-badge-DEAL_STUCK");
    }
}
