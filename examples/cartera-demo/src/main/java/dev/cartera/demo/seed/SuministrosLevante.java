package dev.cartera.demo.seed;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountKind;
import dev.cartera.core.account.ContactDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.activity.Priority;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.ConversionResult;
import dev.cartera.core.lead.LeadConversion;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.demo.seed.SalesVocabulary.Product;
import dev.cartera.demo.seed.SalesVocabulary.Trade;
import dev.cartera.demo.seed.SpanishData.Address;
import dev.cartera.demo.seed.SpanishData.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Tenant {@code demo}: Suministros Levante S.L., a Valencian wholesaler of hostelry and shop
 * supplies. Customers carried over from its old spreadsheet when it started with the CRM a year
 * and a half ago, and the leads that came in since — from the web, the phone, fairs, referrals,
 * e-mail campaigns and social media — worked by two reps and their manager, some converted into
 * customers, who then order again.
 */
final class SuministrosLevante {
    static final int EXISTING_CUSTOMERS = 30;
    static final int LEADS = 95;

    /** A customer or prospect firm before it is written anywhere. */
    private record Firm(String name, String legalName, AccountKind kind, String taxId, Trade trade, Address address,
            String phone, String email, String website, int employees) {
    }

    private final Stories stories;
    private final SpanishData data;
    private final Instant start;
    private final Set<String> usedNames = new HashSet<>();
    private final List<UUID> sellers;

    SuministrosLevante(Stories stories, Instant start) {
        this.stories = stories;
        this.data = stories.data;
        this.start = start;
        DemoOrganisation org = stories.org;
        // Reps carry most of the work; the manager keeps a few accounts of her own.
        this.sellers = List.of(org.user("rep"), org.user("rep"), org.user("rep"), org.user("rep2"), org.user("rep2"),
                org.user("rep2"), org.user("manager"));
    }

    void tell() {
        for (int i = 0; i < EXISTING_CUSTOMERS; i++) {
            existingCustomer(stories.workTime(start.plus(Duration.ofDays(data.between(0, 20)))));
        }
        for (int i = 0; i < LEADS; i++) {
            // More leads lately than at the start: the web form and campaigns took off.
            double u = Math.sqrt(data.random().nextDouble());
            Instant created = stories.workTime(start.plus(Duration.ofDays((long) (u * 540))));
            lead(created, i >= LEADS - 3);
        }
    }

    private Firm firm() {
        Trade trade = data.pick(SalesVocabulary.TRADES);
        Address address = data.address(SpanishData.LEVANTE_AND_CAPITALS);
        String name;
        do {
            name = data.pick(trade.kinds()) + " " + data.pick(SalesVocabulary.BUSINESS_NAMES);
        } while (!usedNames.add(name));
        double kindRoll = data.random().nextDouble();
        String domain = SpanishData.slug(name) + ".es";
        if (kindRoll < 0.12) {
            Person owner = data.person();
            String taxId = data.chance(0.7) ? data.dni() : data.nie();
            return new Firm(name, owner.fullName(), AccountKind.PERSON, taxId, trade, address, data.mobile(),
                    data.email(owner, "gmail.com"), null, data.between(1, 4));
        }
        boolean sa = kindRoll > 0.95;
        return new Firm(name, name + (sa ? " S.A." : " S.L."), AccountKind.COMPANY, data.cif(address.place(), sa), trade,
                address, data.landline(address.place()), (data.chance(0.5) ? "info@" : "pedidos@") + domain,
                data.chance(0.6) ? "https://www." + domain : null, data.between(3, 45));
    }

    private AccountDraft accountDraft(Firm f, UUID owner, String source) {
        return new AccountDraft(f.kind(), f.name(), f.legalName(), f.taxId(), f.email(), f.phone(), f.website(),
                f.address().street(), f.address().place().city(), f.address().postcode(), f.address().place().province(),
                "ES", f.trade().industry(), f.employees(), true, false, false, owner, source,
                data.pick(SalesVocabulary.SEGMENTS), null);
    }

    /** A customer from before the CRM: imported at go-live, then served and sold to ever since. */
    private void existingCustomer(Instant created) {
        Firm firm = firm();
        UUID owner = data.pick(sellers);
        Ref<UUID> account = new Ref<>();
        Ref<UUID> contact = new Ref<>();
        // Imported from the old spreadsheet when the firm started with the CRM.
        AccountDraft draft = accountDraft(firm, owner, "import");
        List<ContactDraft> people = new ArrayList<>();
        for (int i = data.between(1, 3); i > 0; i--) {
            Person person = data.person();
            people.add(new ContactDraft(null, person.firstName(), person.lastName(), data.pick(SalesVocabulary.JOB_TITLES),
                    data.email(person, SpanishData.slug(firm.name()) + ".es"), people.isEmpty() ? firm.phone() : null,
                    data.mobile(), "es", null, null));
        }
        stories.timeline.at(created, crm -> {
            UUID id = crm.accounts().create(draft).id();
            account.set(id);
            for (ContactDraft person : people) {
                UUID contactId = crm.contacts().create(new ContactDraft(id, person.firstName(), person.lastName(),
                        person.jobTitle(), person.email(), person.phone(), person.mobile(), "es", null, null)).id();
                if (person == people.get(0)) {
                    contact.set(contactId);
                }
            }
        });
        stories.keepInTouch(account, owner, created);
        Instant next = stories.later(created, 5, 60);
        while (next.isBefore(stories.now())) {
            stories.newDeal(next, account, contact, owner, "referral", firm.name());
            next = stories.later(next, 50, 170);
        }
    }

    /** A lead from its first contact to conversion, disqualification or wherever it stands today. */
    private void lead(Instant created, boolean unassigned) {
        Firm firm = firm();
        Person person = data.person();
        String source = data.pick(SalesVocabulary.LEAD_SOURCES);
        UUID owner = unassigned ? null : data.pick(sellers);
        Product interest = stories.product();
        LeadDraft draft = new LeadDraft(person.firstName(), person.lastName(), firm.name(), data.pick(SalesVocabulary.JOB_TITLES),
                data.email(person, SpanishData.slug(firm.name()) + ".es"), data.chance(0.5) ? data.mobile() : firm.phone(),
                data.chance(0.75) ? firm.taxId() : null, source, null, owner, firm.address().street(),
                firm.address().place().city(), firm.address().postcode(), firm.address().place().province(), "ES", "es",
                firm.employees(), interest.name(), note(source));
        Ref<UUID> lead = new Ref<>();
        if (!stories.timeline.at(created, crm -> lead.set(crm.leads().create(draft).id()))) {
            return;
        }
        LeadStatus plan = unassigned ? LeadStatus.NEW : plan();
        Instant contacted = stories.later(created, 0, 3);
        UUID worker = owner == null ? stories.org.user("manager") : owner;
        stories.task(created.plus(Duration.ofMinutes(10)), stories.later(created, 1, 2), "Primer contacto: " + person.fullName(),
                RecordType.LEAD, lead, worker, Priority.HIGH, plan == LeadStatus.NEW ? null : contacted);
        if (plan == LeadStatus.NEW) {
            return;
        }
        if (plan == LeadStatus.DISQUALIFIED && data.chance(0.3)) {
            String reason = data.pick(SalesVocabulary.DISQUALIFY_REASONS);
            stories.timeline.at(contacted, crm -> crm.leads().changeStatus(lead.get(), null, LeadStatus.DISQUALIFIED, reason));
            return;
        }
        stories.timeline.at(contacted, crm -> crm.leads().changeStatus(lead.get(), null, LeadStatus.CONTACTED, null));
        stories.logged(contacted.plus(Duration.ofMinutes(1)), ActivityType.CALL, "Primera llamada", RecordType.LEAD, lead, worker,
                data.pick(SalesVocabulary.CALL_OUTCOMES));
        if (plan == LeadStatus.CONTACTED) {
            return;
        }
        if (plan == LeadStatus.DISQUALIFIED) {
            String reason = data.pick(SalesVocabulary.DISQUALIFY_REASONS);
            stories.timeline.at(stories.later(contacted, 1, 8), crm -> crm.leads().changeStatus(lead.get(), null, LeadStatus.DISQUALIFIED, reason));
            return;
        }
        Instant qualified = stories.later(contacted, 2, 9);
        stories.timeline.at(qualified, crm -> crm.leads().changeStatus(lead.get(), null, LeadStatus.QUALIFIED, null));
        stories.logged(qualified.plus(Duration.ofMinutes(2)), ActivityType.VISIT, "Visita al local", RecordType.LEAD, lead, worker,
                data.pick(SalesVocabulary.VISIT_OUTCOMES));
        if (plan == LeadStatus.QUALIFIED) {
            return;
        }
        convert(lead, firm, owner, source, interest, stories.later(qualified, 2, 10));
    }

    private void convert(Ref<UUID> lead, Firm firm, UUID owner, String source, Product interest, Instant at) {
        Ref<UUID> account = new Ref<>();
        Ref<UUID> contact = new Ref<>();
        Ref<UUID> deal = new Ref<>();
        String dealName = Stories.dealName(interest, firm.name());
        AccountDraft complete = accountDraft(firm, owner, source);
        var amount = stories.amount(interest);
        boolean kept = stories.timeline.at(at, crm -> {
            ConversionResult result = crm.leads().convert(lead.get(), null, LeadConversion.withOpportunity(dealName, amount));
            account.set(result.accountId());
            contact.set(result.contactId());
            deal.set(result.opportunityId());
            // The lead had the basics; the rep completes the customer's file at conversion.
            crm.accounts().update(result.accountId(), null, complete);
        });
        if (!kept) {
            return;
        }
        stories.progress(deal, at, owner, dealName, interest);
        stories.keepInTouch(account, owner, at);
        Instant next = stories.later(at, 90, 240);
        while (next.isBefore(stories.now())) {
            stories.newDeal(next, account, contact, owner, source, firm.name());
            next = stories.later(next, 90, 240);
        }
    }

    private LeadStatus plan() {
        double roll = data.random().nextDouble();
        if (roll < 0.34) {
            return LeadStatus.CONVERTED;
        }
        if (roll < 0.62) {
            return LeadStatus.DISQUALIFIED;
        }
        if (roll < 0.76) {
            return LeadStatus.QUALIFIED;
        }
        if (roll < 0.90) {
            return LeadStatus.CONTACTED;
        }
        return LeadStatus.NEW;
    }

    private String note(String source) {
        return switch (source) {
            case "web" -> "Formulario de contacto de la web: pide tarifa para hostelería.";
            case "phone" -> "Llamó a la centralita preguntando por plazos de entrega.";
            case "event" -> "Contacto en el stand de la Feria de Hostelería de Valencia.";
            case "referral" -> "Nos recomienda un cliente actual.";
            case "email" -> "Respondió al correo de la campaña de terrazas.";
            default -> "Mensaje privado en Instagram tras una publicación de producto.";
        };
    }
}
