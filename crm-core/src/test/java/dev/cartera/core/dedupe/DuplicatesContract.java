package dev.cartera.core.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.account.ContactDraft;
import dev.cartera.core.account.ContactView;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.alert.Alert;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.alert.Severity;
import dev.cartera.core.campaign.Campaign;
import dev.cartera.core.campaign.CampaignMember;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.customfield.CustomFieldValue;
import dev.cartera.core.document.Document;
import dev.cartera.core.document.DocumentLink;
import dev.cartera.core.gdpr.Consent;
import dev.cartera.core.gdpr.LegalBasis;
import dev.cartera.core.lead.BulkResult;
import dev.cartera.core.lead.LeadCreation;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.opportunity.Opportunity;
import dev.cartera.core.quote.Quote;
import dev.cartera.core.testing.CrmFixture;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Duplicate candidates, the create-time check, merges and bulk lead work, on each real database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DuplicatesContract {
    private CrmFixture fx;
    private Cartera crm;
    private CrmFixture.Org org;

    protected abstract DataSource dataSource();

    @BeforeAll
    void start() {
        fx = new CrmFixture(dataSource(), b -> b.duplicateCheck(DuplicateCheck.BLOCK));
        crm = fx.cartera;
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @BeforeEach
    void freshTenant() {
        org = fx.organisation("d" + UUID.randomUUID().toString().substring(0, 8));
        as("rep");
        fx.events.clear();
    }

    private void as(String user) {
        fx.session.as(org.tenant(), user);
    }

    private void raw(Consumer<jakarta.persistence.EntityManager> work) {
        crm.transactions().asSystem(org.tenant(), unit -> {
            work.accept(unit.em());
            return null;
        });
    }

    private long count(String jpql, UUID id) {
        return crm.transactions().asSystem(org.tenant(), unit -> unit.em().createQuery(jpql, Long.class).setParameter("id", id).getSingleResult());
    }

    private LeadView lead(String first, String last, String company, String email, String phone, String taxId) {
        return crm.leads().create(new LeadDraft(first, last, company, null, email, phone, taxId, "web", null, null, null, null,
                null, null, null, null, null, null, null), true);
    }

    @Test
    void findsCandidatesByTaxIdEmailPhoneAndFuzzyCompanyName() {
        LeadView lead = lead("Ana", "García", "Frutas García, S.L.", "ana@frutasgarcia.es", "612 345 678", "B58378431");
        assertThatThrownBy(() -> crm.accounts().create(AccountDraft.company("FRUTAS GARCIA SLU")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.candidates()).extracting(DuplicateCandidate::id)
                        .containsExactly(lead.id()));
        AccountView account = crm.accounts().create(AccountDraft.company("FRUTAS GARCIA SLU"), true);

        List<DuplicateCandidate> byName = crm.duplicates().candidates(DuplicateProbe.company("Frutas Garcia", null, null, null));
        assertThat(byName).extracting(DuplicateCandidate::id).containsExactlyInAnyOrder(lead.id(), account.id());
        assertThat(byName).allSatisfy(c -> assertThat(c.matchedOn()).containsExactly(MatchKey.COMPANY_NAME));

        List<DuplicateCandidate> byKeys = crm.duplicates().candidates(
                new DuplicateProbe("Ana", "Garcia", null, "ANA@frutasgarcia.es", "+34 612-34-56-78", "es-b58378431", null));
        assertThat(byKeys.get(0).id()).isEqualTo(lead.id());
        assertThat(byKeys.get(0).matchedOn()).contains(MatchKey.TAX_ID, MatchKey.EMAIL, MatchKey.PHONE, MatchKey.PERSON_NAME);
        assertThat(byKeys.get(0).score()).isEqualTo(1.0);
        assertThat(byKeys.get(0).displayName()).isEqualTo("Ana García (Frutas García, S.L.)");
        assertThat(crm.duplicates().candidates(DuplicateProbe.company("Panadería Sol", "sol@pan.es", "911111111", null))).isEmpty();
        assertThat(crm.duplicates().duplicatesOf(RecordType.ACCOUNT, account.id())).extracting(DuplicateCandidate::id)
                .containsExactly(lead.id());
    }

    @Test
    void reportsCandidatesOutsideTheCallersScopeWithoutTheirNames() {
        as("rep3");
        LeadView hidden = lead("Oculto", "Pérez", null, "oculto@ejemplo.es", null, null);
        as("rep");
        List<DuplicateCandidate> found = crm.leads().duplicates(LeadDraft.of("Otro", "Nombre", null, "oculto@ejemplo.es", null, "web"));
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(hidden.id());
            assertThat(c.visible()).isFalse();
            assertThat(c.displayName()).isNull();
        });
    }

    @Test
    void blockModeRefusesALikelyDuplicateUnlessTheCallerOverrides() {
        lead("Ana", "García", "Frutas García SL", "ana@frutasgarcia.es", null, null);
        LeadDraft again = LeadDraft.of("Ana", "Garcia", null, "ana@frutasgarcia.es", null, "feria");
        assertThatThrownBy(() -> crm.leads().create(again)).isInstanceOfSatisfying(DuplicateException.class,
                e -> assertThat(e.candidates()).singleElement().satisfies(c -> assertThat(c.matchedOn()).contains(MatchKey.EMAIL)));
        LeadCreation created = crm.leads().createChecked(again, true);
        assertThat(created.duplicates()).hasSize(1);
        assertThat(created.lead().source()).isEqualTo("feria");
        assertThat(crm.leads().create(LeadDraft.of("Bea", "Soler", "Otra Cosa SA", "bea@otra.es", null, "web")).id()).isNotNull();
    }

    @Test
    void mergingLeadsMovesEveryRelatedRecordToTheSurvivorAndAuditsIt() {
        LeadView survivor = lead("Ana", "García", "Frutas García SL", "ana@frutasgarcia.es", null, null);
        LeadView duplicate = lead("Ana", "Garcia", null, null, "612345678", "B58378431");
        crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Llamada", RecordType.LEAD, duplicate.id()));
        UUID[] ids = new UUID[3];
        raw(em -> {
            Document doc = new Document();
            doc.setName("oferta.pdf");
            em.persist(doc);
            DocumentLink link = new DocumentLink();
            link.setDocumentId(doc.getId());
            link.setRecordType(RecordType.LEAD);
            link.setRecordId(duplicate.id());
            em.persist(link);
            Campaign campaign = new Campaign();
            campaign.setName("Feria");
            em.persist(campaign);
            for (UUID member : List.of(survivor.id(), duplicate.id())) {
                CampaignMember m = new CampaignMember();
                m.setCampaignId(campaign.getId());
                m.setRecordType(RecordType.LEAD);
                m.setRecordId(member);
                em.persist(m);
            }
            CustomFieldValue size = new CustomFieldValue();
            size.setRecordType(RecordType.LEAD);
            size.setRecordId(duplicate.id());
            size.setFieldKey("sector");
            size.setValue("fruta");
            em.persist(size);
            Consent consent = new Consent();
            consent.setSubjectType(RecordType.LEAD);
            consent.setSubjectId(duplicate.id());
            consent.setPurpose("marketing");
            consent.setLegalBasis(LegalBasis.values()[0]);
            em.persist(consent);
            Alert alert = new Alert();
            alert.setKind(AlertKind.values()[0]);
            alert.setSeverity(Severity.values()[0]);
            alert.setRecordType(RecordType.LEAD);
            alert.setRecordId(duplicate.id());
            em.persist(alert);
            Opportunity deal = new Opportunity();
            deal.setName("Trato");
            deal.setOriginLeadId(duplicate.id());
            em.persist(deal);
            ids[0] = deal.getId();
        });
        as("rep");
        assertThatThrownBy(() -> crm.duplicates().merge(RecordType.LEAD, survivor.id(), duplicate.id()))
                .isInstanceOf(AccessDeniedException.class);
        as("manager");
        MergeResult result = crm.duplicates().merge(RecordType.LEAD, survivor.id(), duplicate.id());

        assertThat(result.moved()).containsEntry("activities", 1).containsEntry("documentLinks", 1).containsEntry("alerts", 1)
                .containsEntry("consents", 1).containsEntry("campaignMembers", 0).containsEntry("customFieldValues", 1)
                .containsEntry("opportunityOrigins", 1);
        assertThatThrownBy(() -> crm.leads().get(duplicate.id())).isInstanceOf(NotFoundException.class);
        LeadView merged = crm.leads().get(survivor.id());
        assertThat(merged.email()).isEqualTo("ana@frutasgarcia.es");
        assertThat(merged.phone()).isEqualTo("+34612345678");
        assertThat(merged.taxId()).isEqualTo("B58378431");
        assertThat(merged.version()).isGreaterThan(survivor.version());
        for (String entity : List.of("Activity a where a.relatedId", "DocumentLink a where a.recordId", "Alert a where a.recordId",
                "Consent a where a.subjectId", "CampaignMember a where a.recordId", "CustomFieldValue a where a.recordId",
                "Opportunity a where a.originLeadId")) {
            assertThat(count("select count(a) from " + entity + " = :id", duplicate.id())).as(entity).isZero();
            assertThat(count("select count(a) from " + entity + " = :id", survivor.id())).as(entity).isEqualTo(1);
        }
        assertThat(count("select count(a) from AuditEntry a where a.action = 'MERGE' and a.recordId = :id", survivor.id())).isEqualTo(1);
        assertThat(count("select count(a) from AuditEntry a where a.action = 'MERGED' and a.recordId = :id", duplicate.id())).isEqualTo(1);
        assertThat(fx.events).filteredOn(DuplicateEvents.RecordsMerged.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((DuplicateEvents.RecordsMerged) e).survivorId()).isEqualTo(survivor.id()));
    }

    @Test
    void mergingAccountsAndContactsMovesContactsDealsQuotesAndActivities() {
        as("manager");
        AccountView survivor = crm.accounts().create(AccountDraft.company("Bar Vidal SL"));
        AccountView duplicate = crm.accounts().create(AccountDraft.company("Bar Vidal"), true);
        ContactView joan = crm.contacts().create(new ContactDraft(duplicate.id(), "Joan", "Vidal", null, "joan@barvidal.cat",
                null, null, null, null, null));
        ContactView joan2 = crm.contacts().create(new ContactDraft(survivor.id(), "Joan", "Vidal", null, null, "972000000",
                null, null, null, null));
        crm.activities().create(ActivityDraft.logged(ActivityType.VISIT, "Visita", RecordType.ACCOUNT, duplicate.id()));
        crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Llamada", RecordType.CONTACT, joan2.id()));
        raw(em -> {
            Opportunity deal = new Opportunity();
            deal.setName("Cafetera");
            deal.setAccountId(duplicate.id());
            deal.setContactId(joan2.id());
            em.persist(deal);
            Quote quote = new Quote();
            quote.setNumber("P-1");
            quote.setAccountId(duplicate.id());
            quote.setContactId(joan2.id());
            em.persist(quote);
        });

        MergeResult accounts = crm.duplicates().merge(RecordType.ACCOUNT, survivor.id(), duplicate.id());
        assertThat(accounts.moved()).containsEntry("contacts", 1).containsEntry("opportunities", 1).containsEntry("quotes", 1)
                .containsEntry("activities", 1).containsEntry("accountActivities", 1);
        assertThat(crm.contacts().ofAccount(survivor.id())).extracting(ContactView::id).containsExactlyInAnyOrder(joan.id(), joan2.id());
        assertThat(count("select count(o) from Opportunity o where o.accountId = :id", survivor.id())).isEqualTo(1);
        assertThat(count("select count(q) from Quote q where q.accountId = :id", survivor.id())).isEqualTo(1);
        assertThat(count("select count(a) from Activity a where a.accountId = :id", duplicate.id())).isZero();
        assertThatThrownBy(() -> crm.accounts().get(duplicate.id())).isInstanceOf(NotFoundException.class);

        MergeResult contacts = crm.duplicates().merge(RecordType.CONTACT, joan.id(), joan2.id());
        assertThat(contacts.moved()).containsEntry("opportunities", 1).containsEntry("quotes", 1).containsEntry("activities", 1);
        ContactView kept = crm.contacts().get(joan.id());
        assertThat(kept.email()).isEqualTo("joan@barvidal.cat");
        assertThat(kept.phone()).isEqualTo("+34972000000");
        assertThat(count("select count(q) from Quote q where q.contactId = :id", joan.id())).isEqualTo(1);
        assertThatThrownBy(() -> crm.duplicates().merge(RecordType.CONTACT, joan.id(), joan.id())).isInstanceOf(ValidationException.class);
        CrmFixture.Org other = fx.organisation("x" + UUID.randomUUID().toString().substring(0, 8));
        fx.session.as(other.tenant(), "director");
        AccountView foreign = crm.accounts().create(AccountDraft.company("Bar Vidal SL"));
        assertThatThrownBy(() -> crm.duplicates().merge(RecordType.ACCOUNT, foreign.id(), survivor.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(crm.duplicates().candidates(DuplicateProbe.company("Bar Vidal", null, null, null)))
                .extracting(DuplicateCandidate::id).containsExactly(foreign.id());
    }

    @Test
    void completedContactsOnALeadUpdateItsLastContactAndBulkChangesCheckEachLead() {
        LeadView mine = lead("Ana", "Uno", null, "uno@ejemplo.es", null, null);
        LeadView mine2 = lead("Ana", "Dos", null, "dos@ejemplo.es", null, null);
        fx.clock.advanceDays(3);
        crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Llamada", RecordType.LEAD, mine.id()));
        crm.activities().create(ActivityDraft.logged(ActivityType.NOTE, "Nota", RecordType.LEAD, mine2.id()));
        fx.clock.advanceDays(2);
        LeadView called = crm.leads().get(mine.id());
        assertThat(called.lastContactedAt()).isNotNull();
        assertThat(called.daysSinceLastContact(fx.clock.instant())).isEqualTo(2);
        assertThat(crm.leads().get(mine2.id()).daysSinceLastContact(fx.clock.instant())).isEqualTo(5);

        crm.leads().changeStatus(mine2.id(), null, LeadStatus.DISQUALIFIED, "sin presupuesto");
        BulkResult status = crm.leads().bulkChangeStatus(List.of(mine.id(), mine2.id()), LeadStatus.CONTACTED, null);
        assertThat(status.changed()).containsExactly(mine.id());
        assertThat(status.failed()).containsExactly(Map.entry(mine2.id(), "lead.status.final"));
        assertThat(crm.leads().get(mine.id()).status()).isEqualTo(LeadStatus.CONTACTED);

        BulkResult byRep = crm.leads().bulkAssign(List.of(mine.id()), org.rep2());
        assertThat(byRep.changed()).isEmpty();
        assertThat(byRep.failed()).containsOnlyKeys(mine.id());
        as("rep3");
        LeadView teamB = lead("Beto", "Tres", null, "tres@ejemplo.es", null, null);
        as("manager");
        UUID unknown = UUID.randomUUID();
        BulkResult byManager = crm.leads().bulkAssign(List.of(mine.id(), teamB.id(), unknown), org.rep2());
        assertThat(byManager.changed()).containsExactly(mine.id());
        assertThat(byManager.failed()).containsOnlyKeys(teamB.id(), unknown).containsValue("record.not-found");
        assertThat(crm.leads().get(mine.id()).ownerId()).isEqualTo(org.rep2());
        as("director");
        assertThat(crm.leads().get(teamB.id()).ownerId()).isEqualTo(org.rep3());
    }
}
