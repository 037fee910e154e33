package dev.cartera.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityStatus;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.ActivityView;
import dev.cartera.core.activity.TaskQuery;
import dev.cartera.core.card.CustomerCard;
import dev.cartera.core.card.TimelineItem;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.lead.ConversionResult;
import dev.cartera.core.lead.LeadConversion;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadEvents;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityQuery;
import dev.cartera.core.opportunity.OpportunityStatus;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.opportunity.PipelineView;
import dev.cartera.core.opportunity.StageChangeView;
import dev.cartera.core.testing.TwoTenantContract;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of the core services, run once per real database (H2 and PostgreSQL). Each test
 * works in tenants of its own, so the order of the tests does not matter.
 */
abstract class CoreServicesContract extends TwoTenantContract {

    private void as(String user) {
        fx.session.as(org.tenant(), user);
    }

    private LeadView lead(String last, String company, String source) {
        return crm.leads().create(LeadDraft.of("Ana", last, company, last.toLowerCase() + "@example.es", "612345678", source));
    }

    @Test
    void createsALeadWithNormalisedContactDataOwnedByItsCreator() {
        as("rep");
        LeadView lead = crm.leads().create(new LeadDraft(" Ana ", "García", "Frutas Ana SL", null, "Ana@FrutasAna.ES",
                "612 34 56 78", "es b-58378431", "web", null, null, null, "Valencia", "46001", "Valencia", null, null, 4, null, null));

        assertThat(lead.firstName()).isEqualTo("Ana");
        assertThat(lead.email()).isEqualTo("ana@frutasana.es");
        assertThat(lead.phone()).isEqualTo("+34612345678");
        assertThat(lead.taxId()).isEqualTo("B58378431");
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.ownerId()).isEqualTo(org.rep());
        assertThat(lead.createdAt()).isEqualTo(fx.clock.instant());
        assertThat(crm.leads().search(new LeadQuery("frutas", null, null, null), PageRequest.first(10)).items())
                .extracting(LeadView::id).containsExactly(lead.id());
        assertThat(fx.events).hasAtLeastOneElementOfType(LeadEvents.LeadCreated.class);
    }

    @Test
    void rejectsATaxIdWithAWrongCheckLetterAndALeadWithoutAnyName() {
        as("rep");
        assertThatThrownBy(() -> crm.leads().create(LeadDraft.of("Ana", "García", null, null, null, "web").withTaxId("12345678A")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new ValidationException.FieldError("taxId", "taxid.check-letter")));
        assertThatThrownBy(() -> crm.leads().create(LeadDraft.of(null, null, " ", "not-an-email", null, "web")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field).contains("email", "named"));
        assertThat(crm.leads().search(LeadQuery.all(), PageRequest.first(10)).total()).isZero();
    }

    @Test
    void convertsALeadIntoAccountContactAndDealKeepingItsOrigin() {
        as("rep");
        LeadView lead = lead("Vidal", "Bar Vidal SL", "feria");
        ConversionResult result = crm.leads().convert(lead.id(), lead.version(),
                LeadConversion.withOpportunity("Suministro semanal", new BigDecimal("4800.00")));

        AccountView account = crm.accounts().get(result.accountId());
        assertThat(account.name()).isEqualTo("Bar Vidal SL");
        assertThat(account.originLeadId()).isEqualTo(lead.id());
        assertThat(account.source()).isEqualTo("feria");
        assertThat(account.customer()).isTrue();
        assertThat(crm.contacts().get(result.contactId()).originLeadId()).isEqualTo(lead.id());
        OpportunityView deal = crm.opportunities().get(result.opportunityId());
        assertThat(deal.originLeadId()).isEqualTo(lead.id());
        assertThat(deal.stageName()).isEqualTo("En análisis");
        assertThat(deal.amount()).isEqualByComparingTo("4800");
        LeadView converted = crm.leads().get(lead.id());
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.convertedAccountId()).isEqualTo(result.accountId());
        assertThat(fx.events).anySatisfy(e -> assertThat(e).isEqualTo(new LeadEvents.LeadConverted(org.tenant(),
                fx.clock.instant(), "rep", lead.id(), result.accountId(), result.contactId(), result.opportunityId())));

        assertThatThrownBy(() -> crm.leads().convert(lead.id(), null, new LeadConversion(null, false, null, null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aFailedConversionLeavesNothingBehindAndPublishesNothing() {
        as("rep");
        LeadView lead = lead("Roca", "Roca Hermanos SL", "web");
        UUID foreignAccount = fx.session.call(otherOrg.tenant(), "director",
                () -> crm.accounts().create(AccountDraft.company("Ajena SA")).id());
        fx.events.clear();

        assertThatThrownBy(() -> crm.leads().convert(lead.id(), lead.version(), new LeadConversion(foreignAccount, true, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(crm.leads().get(lead.id()).status()).isEqualTo(LeadStatus.NEW);
        assertThat(crm.accounts().search(dev.cartera.core.account.AccountQuery.all(), PageRequest.first(10)).total()).isZero();
        assertThat(fx.events).isEmpty();
    }

    @Test
    void aRepSeesOwnRecordsAManagerTheTeamsADirectorAll() {
        as("rep");
        LeadView mine = lead("Uno", "Uno SL", "web");
        as("rep2");
        LeadView teammates = lead("Dos", "Dos SL", "web");
        as("rep3");
        LeadView otherTeams = lead("Tres", "Tres SL", "web");

        as("rep");
        assertThat(visibleLeads()).containsExactly(mine.id());
        assertThatThrownBy(() -> crm.leads().get(teammates.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.leads().update(teammates.id(), null, LeadDraft.of("X", "Y", null, null, null, "web")))
                .isInstanceOf(NotFoundException.class);
        as("manager");
        assertThat(visibleLeads()).containsExactlyInAnyOrder(mine.id(), teammates.id());
        assertThatThrownBy(() -> crm.leads().get(otherTeams.id())).isInstanceOf(NotFoundException.class);
        as("director");
        assertThat(visibleLeads()).containsExactlyInAnyOrder(mine.id(), teammates.id(), otherTeams.id());
    }

    @Test
    void onlyRolesWithTheAssignPermissionGiveRecordsToOthersWithinTheirScope() {
        as("rep");
        LeadView lead = lead("Pons", "Pons SL", "web");
        assertThatThrownBy(() -> crm.leads().assign(lead.id(), null, org.rep2())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.leads().create(LeadDraft.of("A", "B", null, null, null, "web").withOwner(org.rep2())))
                .isInstanceOf(AccessDeniedException.class);

        as("manager");
        assertThat(crm.leads().assign(lead.id(), null, org.rep2()).ownerId()).isEqualTo(org.rep2());
        assertThatThrownBy(() -> crm.leads().assign(lead.id(), null, org.rep3())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.leads().assign(lead.id(), null, otherOrg.rep()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("owner.unknown"));
        as("director");
        assertThat(crm.leads().assign(lead.id(), null, org.rep3()).ownerId()).isEqualTo(org.rep3());
    }

    @Test
    void anotherTenantCannotReadChangeOrLinkToARecord() {
        as("director");
        AccountView account = crm.accounts().create(AccountDraft.company("Panadería Sol SL"));

        fx.session.as(otherOrg.tenant(), "director");
        assertThatThrownBy(() -> crm.accounts().get(account.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.accounts().update(account.id(), null, AccountDraft.company("Robada")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.opportunities().create(OpportunityDraft.named("x", account.id(), null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.customerCards().card(account.id())).isInstanceOf(NotFoundException.class);
        assertThat(crm.accounts().search(new dev.cartera.core.account.AccountQuery("Sol", null, null), PageRequest.first(10)).total()).isZero();

        as("director");
        assertThat(crm.accounts().get(account.id()).name()).isEqualTo("Panadería Sol SL");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        as("rep");
        LeadView lead = lead("Mas", "Mas SL", "web");
        LeadView updated = crm.leads().update(lead.id(), lead.version(), LeadDraft.of("Ana", "Mas", "Mas y Cía SL", null, null, "web"));
        assertThat(updated.version()).isGreaterThan(lead.version());

        assertThatThrownBy(() -> crm.leads().update(lead.id(), lead.version(), LeadDraft.of("Ana", "Mas", "Pisada SL", null, null, "web")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("record.version.conflict"));
        assertThat(crm.leads().get(lead.id()).companyName()).isEqualTo("Mas y Cía SL");
    }

    @Test
    void dealsMoveThroughStagesWithARecordedHistoryAndCloseAsWonOrLost() {
        as("rep");
        AccountView account = crm.accounts().create(AccountDraft.company("Hotel Mar SL"));
        PipelineView pipeline = crm.pipelines().defaultPipeline();
        assertThat(pipeline.stages()).extracting(s -> s.name())
                .containsExactly("En análisis", "Oferta presentada", "En negociación", "Ganada", "Cancelada");

        OpportunityView deal = crm.opportunities().create(OpportunityDraft.named("Menaje", account.id(), new BigDecimal("1000")));
        fx.clock.advanceDays(3);
        deal = crm.opportunities().moveToStage(deal.id(), deal.version(), pipeline.stages().get(1).id(), null);
        assertThat(deal.daysInStage(fx.clock.instant())).isZero();
        assertThat(deal.ageDays(fx.clock.instant())).isEqualTo(3);
        assertThat(deal.weightedAmount()).isEqualByComparingTo("400");
        fx.clock.advanceDays(2);
        OpportunityView current = deal;
        assertThatThrownBy(() -> crm.opportunities().markLost(current.id(), current.version(), " "))
                .isInstanceOf(ValidationException.class);
        deal = crm.opportunities().markWon(deal.id(), deal.version());
        assertThat(deal.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(deal.closedAt()).isEqualTo(fx.clock.instant());
        OpportunityView won = deal;
        assertThatThrownBy(() -> crm.opportunities().markLost(won.id(), won.version(), "precio"))
                .isInstanceOf(ConflictException.class);

        List<StageChangeView> history = crm.opportunities().history(deal.id());
        assertThat(history).extracting(StageChangeView::toStageId)
                .containsExactly(pipeline.stages().get(0).id(), pipeline.stages().get(1).id(), pipeline.stages().get(3).id());
        assertThat(history).extracting(StageChangeView::changedBy).containsOnly("rep");

        OpportunityView lost = crm.opportunities().create(OpportunityDraft.named("Toallas", account.id(), null));
        lost = crm.opportunities().markLost(lost.id(), lost.version(), "Precio");
        assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(lost.lostReason()).isEqualTo("Precio");
        assertThat(crm.opportunities().search(new OpportunityQuery(null, OpportunityStatus.WON, null, null, null, null),
                PageRequest.first(10)).items()).extracting(OpportunityView::id).containsExactly(won.id());
    }

    @Test
    void tasksAreCompletedAndACallMarksTheCustomerAsContacted() {
        as("rep");
        AccountView account = crm.accounts().create(AccountDraft.company("Ferretería Luz SL"));
        Instant due = fx.clock.instant().plusSeconds(86_400);
        ActivityView task = crm.activities().create(ActivityDraft.task("Enviar catálogo", RecordType.ACCOUNT, account.id(), due));
        ActivityView sub = crm.activities().create(new ActivityDraft(ActivityType.TODO, "Imprimir", null, RecordType.ACCOUNT,
                account.id(), null, due, null, null, null, task.id(), null, false));
        assertThat(crm.activities().subtasks(task.id())).extracting(ActivityView::id).containsExactly(sub.id());
        assertThatThrownBy(() -> crm.activities().create(new ActivityDraft(ActivityType.TODO, "Nieto", null, null, null,
                null, due, null, null, null, sub.id(), null, false))).isInstanceOf(ValidationException.class);

        fx.clock.advanceDays(2);
        assertThat(crm.activities().get(task.id()).overdue(fx.clock.instant())).isTrue();
        assertThat(crm.activities().tasks(new TaskQuery(org.rep(), ActivityStatus.PLANNED, fx.clock.instant()), PageRequest.first(10)).total())
                .isEqualTo(2);
        ActivityView done = crm.activities().complete(task.id(), task.version(), "Enviado por correo");
        assertThat(done.status()).isEqualTo(ActivityStatus.DONE);
        assertThatThrownBy(() -> crm.activities().complete(task.id(), null, "otra vez")).isInstanceOf(ConflictException.class);
        assertThat(crm.accounts().get(account.id()).lastContactedAt()).isNull();

        crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Llamada", RecordType.ACCOUNT, account.id()));
        assertThat(crm.accounts().get(account.id()).lastContactedAt()).isEqualTo(fx.clock.instant());
        assertThat(crm.activities().ofRecord(RecordType.ACCOUNT, account.id())).hasSize(3);
    }

    @Test
    void theCustomerCardTellsTheWholeStoryFromTheLeadOn() {
        as("rep");
        LeadView lead = lead("Soler", "Soler Muebles SL", "campaña");
        crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Primera llamada", RecordType.LEAD, lead.id()));
        fx.clock.advanceDays(1);
        ConversionResult result = crm.leads().convert(lead.id(), null, LeadConversion.withOpportunity(null, new BigDecimal("900")));
        fx.clock.advanceDays(1);
        crm.activities().create(ActivityDraft.logged(ActivityType.VISIT, "Visita a tienda", RecordType.OPPORTUNITY, result.opportunityId()));
        crm.activities().create(ActivityDraft.task("Preparar oferta", RecordType.ACCOUNT, result.accountId(), fx.clock.instant().plusSeconds(3600)));

        CustomerCard card = crm.customerCards().card(result.accountId());
        assertThat(card.account().name()).isEqualTo("Soler Muebles SL");
        assertThat(card.contacts()).extracting(c -> c.lastName()).containsExactly("Soler");
        assertThat(card.originLead()).map(LeadView::source).contains("campaña");
        assertThat(card.opportunities()).hasSize(1);
        assertThat(card.openTasks()).extracting(ActivityView::subject).containsExactly("Preparar oferta");
        assertThat(card.timeline()).extracting(TimelineItem::kind)
                .contains("lead.created", "account.created", "activity.CALL", "activity.VISIT", "opportunity.created");
        assertThat(card.timeline()).extracting(TimelineItem::at).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        as("rep3");
        assertThatThrownBy(() -> crm.customerCards().card(result.accountId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyChangeIsAudited() {
        as("rep");
        LeadView lead = lead("Bosch", "Bosch SL", "web");
        crm.leads().changeStatus(lead.id(), null, LeadStatus.CONTACTED, null);
        assertThatThrownBy(() -> crm.leads().changeStatus(lead.id(), null, LeadStatus.DISQUALIFIED, null))
                .isInstanceOf(ValidationException.class);
        crm.leads().changeStatus(lead.id(), null, LeadStatus.DISQUALIFIED, "Sin presupuesto");

        List<Object[]> rows = crm.asSystem(org.tenant(), c -> c.transactions().read(work -> work.em()
                .createQuery("select a.action, a.username from AuditEntry a where a.recordId = :id order by a.occurredAt, a.action", Object[].class)
                .setParameter("id", lead.id()).getResultList()));
        assertThat(rows).extracting(r -> r[0] + " by " + r[1]).containsExactlyInAnyOrder("CREATE by rep", "STATUS by rep", "STATUS by rep");
    }

    @Test
    void anUnknownOrAnonymousCallerIsDenied() {
        fx.session.as(org.tenant(), null);
        assertThatThrownBy(() -> crm.leads().search(LeadQuery.all(), PageRequest.first(10)))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("access.unauthenticated"));
        fx.session.as(org.tenant(), "intruso");
        assertThatThrownBy(() -> crm.leads().search(LeadQuery.all(), PageRequest.first(10)))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("access.unknown-user"));
        fx.session.as("Not A Tenant!", "rep");
        assertThatThrownBy(() -> crm.leads().search(LeadQuery.all(), PageRequest.first(10)))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("tenant.invalid"));
    }

    @Test
    void onlyAdminsConfigureUsers() {
        as("director");
        assertThatThrownBy(() -> crm.users().createOffice("Oficina BCN", "Barcelona")).isInstanceOf(AccessDeniedException.class);
        as("admin");
        assertThat(crm.users().createOffice("Oficina BCN", "Barcelona").name()).isEqualTo("Oficina BCN");
        assertThat(crm.users().list()).extracting(u -> u.username())
                .containsExactlyInAnyOrder("rep", "rep2", "rep3", "manager", "director", "admin");
    }

    private List<UUID> visibleLeads() {
        return crm.leads().search(LeadQuery.all(), PageRequest.first(50)).items().stream().map(LeadView::id).toList();
    }
}
