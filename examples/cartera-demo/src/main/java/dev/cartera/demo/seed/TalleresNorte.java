package dev.cartera.demo.seed;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountKind;
import dev.cartera.core.account.ContactDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.demo.seed.SalesVocabulary.Product;
import dev.cartera.demo.seed.SpanishData.Address;
import dev.cartera.demo.seed.SpanishData.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tenant {@code otra}: Talleres Norte S.L., an industrial maintenance firm in Bizkaia run by its
 * director alone. A handful of records, there to show that nothing crosses between tenants.
 */
final class TalleresNorte {
    private static final List<String> CUSTOMERS = List.of("Fundiciones Ibaizabal", "Conservas Bermeo",
            "Mecanizados Nervión", "Papelera Cadagua", "Transportes Artxanda");
    private static final List<String> SERVICES = List.of("Contrato de mantenimiento preventivo",
            "Revisión de compresores", "Reparación de prensa hidráulica");
    static final List<Product> PRODUCTS = List.of(new Product(SERVICES.get(0), 3_000, 18_000),
            new Product(SERVICES.get(1), 800, 3_500), new Product(SERVICES.get(2), 2_500, 12_000));

    private final Stories stories;
    private final SpanishData data;
    private final Instant start;

    TalleresNorte(Stories stories, Instant start) {
        this.stories = stories;
        this.data = stories.data;
        this.start = start;
    }

    void tell() {
        UUID owner = stories.org.user("other");
        for (String name : CUSTOMERS) {
            Address address = data.address(SpanishData.BIZKAIA);
            Person person = data.basquePerson();
            String domain = SpanishData.slug(name) + ".eus";
            AccountDraft account = new AccountDraft(AccountKind.COMPANY, name, name + " S.L.", data.cif(address.place(), false),
                    "info@" + domain, data.landline(address.place()), null, address.street(), address.place().city(),
                    address.postcode(), address.place().province(), "ES", "Industria", data.between(20, 120), true, false,
                    false, owner, "referral", "Industria", null);
            ContactDraft contact = new ContactDraft(null, person.firstName(), person.lastName(), "Jefe de mantenimiento",
                    data.email(person, domain), null, data.mobile(), "es", null, null);
            Instant created = stories.workTime(start.plus(Duration.ofDays(data.between(0, 200))));
            Ref<UUID> accountId = new Ref<>();
            Ref<UUID> contactId = new Ref<>();
            stories.timeline.at(created, crm -> {
                accountId.set(crm.accounts().create(account).id());
                contactId.set(crm.contacts().create(new ContactDraft(accountId.get(), contact.firstName(), contact.lastName(),
                        contact.jobTitle(), contact.email(), null, contact.mobile(), "es", null, null)).id());
            });
            stories.logged(stories.later(created, 1, 10), ActivityType.VISIT, "Visita a planta", RecordType.ACCOUNT, accountId,
                    owner, "Revisada la maquinaria con el jefe de mantenimiento");
            if (data.chance(0.7)) {
                String service = data.pick(SERVICES);
                stories.newDeal(stories.workTime(stories.now().minus(Duration.ofDays(data.between(5, 70)))), accountId, contactId,
                        owner, "referral", name);
                stories.logged(stories.later(created, 40, 80), ActivityType.CALL, "Llamada: " + service, RecordType.ACCOUNT,
                        accountId, owner, "Interesados para el próximo trimestre");
            }
        }
        for (int i = 0; i < 4; i++) {
            Address address = data.address(SpanishData.BIZKAIA);
            Person person = data.basquePerson();
            LeadDraft lead = new LeadDraft(person.firstName(), person.lastName(), "Industrias " + person.lastName().split(" ")[0],
                    "Gerente", null, data.mobile(), null, i % 2 == 0 ? "web" : "phone", null, owner, address.street(),
                    address.place().city(), address.postcode(), address.place().province(), "ES", "es", data.between(5, 60),
                    data.pick(SERVICES), null);
            Instant created = stories.workTime(stories.now().minus(Duration.ofDays(data.between(5, 90))));
            Ref<UUID> leadId = new Ref<>();
            stories.timeline.at(created, crm -> leadId.set(crm.leads().create(lead).id()));
            if (i % 2 == 1) {
                stories.timeline.at(stories.later(created, 1, 3), crm -> crm.leads().changeStatus(leadId.get(), null, LeadStatus.CONTACTED, null));
            }
        }
    }
}
