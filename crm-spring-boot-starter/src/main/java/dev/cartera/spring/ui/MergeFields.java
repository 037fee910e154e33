package dev.cartera.spring.ui;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.account.ContactDraft;
import dev.cartera.core.account.ContactView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The fields a person compares side by side when merging two contacts or two accounts, and the
 * survivor's draft once a value has been picked for each. A field the two records agree on is shown
 * but needs no choice.
 */
final class MergeFields {
    /** Contact fields as (key, label key, reader). */
    static final List<Spec<ContactView>> CONTACT = List.of(
            new Spec<>("firstName", "cartera.contact.firstName", ContactView::firstName),
            new Spec<>("lastName", "cartera.contact.lastName", ContactView::lastName),
            new Spec<>("jobTitle", "cartera.contact.jobTitle", ContactView::jobTitle),
            new Spec<>("email", "cartera.contact.email", ContactView::email),
            new Spec<>("phone", "cartera.contact.phone", ContactView::phone),
            new Spec<>("mobile", "cartera.contact.mobile", ContactView::mobile),
            new Spec<>("accountId", "cartera.contact.account", c -> c.accountId() == null ? null : c.accountId().toString()),
            new Spec<>("notes", "cartera.contact.notes", ContactView::notes));

    static final List<Spec<AccountView>> ACCOUNT = List.of(
            new Spec<>("name", "cartera.account.name", AccountView::name),
            new Spec<>("legalName", "cartera.account.legalName", AccountView::legalName),
            new Spec<>("taxId", "cartera.account.taxId", AccountView::taxId),
            new Spec<>("email", "cartera.account.email", AccountView::email),
            new Spec<>("phone", "cartera.account.phone", AccountView::phone),
            new Spec<>("website", "cartera.account.website", AccountView::website),
            new Spec<>("street", "cartera.account.street", AccountView::street),
            new Spec<>("city", "cartera.account.city", AccountView::city),
            new Spec<>("postcode", "cartera.account.postcode", AccountView::postcode),
            new Spec<>("province", "cartera.account.province", AccountView::province),
            new Spec<>("industry", "cartera.account.industry", AccountView::industry),
            new Spec<>("employees", "cartera.account.employees", a -> a.employees() == null ? null : a.employees().toString()),
            new Spec<>("notes", "cartera.account.notes", AccountView::notes));

    private MergeFields() {
    }

    record Spec<V>(String key, String label, Function<V, String> read) {
    }

    /** One row of the side-by-side table: both values and which side is picked ("a" or "b"). */
    record Row(String key, String label, String a, String b, String picked) {
        public boolean differs() {
            return !Objects.equals(a, b);
        }
    }

    /**
     * The rows for two records. Without a pick, a field takes the survivor's value, or the other's when
     * the survivor has none (what the merge itself would do).
     */
    static <V> List<Row> rows(List<Spec<V>> specs, V a, V b, String survivor, Map<String, String> picks) {
        List<Row> rows = new ArrayList<>();
        for (Spec<V> s : specs) {
            String va = s.read().apply(a);
            String vb = s.read().apply(b);
            String pick = picks.get(s.key());
            if (!"a".equals(pick) && !"b".equals(pick)) {
                String mine = "a".equals(survivor) ? va : vb;
                pick = mine != null ? survivor : "a".equals(survivor) ? "b" : "a";
            }
            rows.add(new Row(s.key(), s.label(), va, vb, pick));
        }
        return rows;
    }

    /** The picked values by field key (null where the picked side is empty). */
    static Map<String, String> picked(List<Row> rows) {
        Map<String, String> values = new LinkedHashMap<>();
        rows.forEach(r -> values.put(r.key(), "a".equals(r.picked()) ? r.a() : r.b()));
        return values;
    }

    /** The survivor as it will be saved: everything it has, with the picked values over it. */
    static ContactDraft contact(ContactView survivor, Map<String, String> v) {
        String account = v.get("accountId");
        return new ContactDraft(account == null ? null : UUID.fromString(account), v.get("firstName"), v.get("lastName"),
                v.get("jobTitle"), v.get("email"), v.get("phone"), v.get("mobile"), survivor.language(), survivor.ownerId(),
                v.get("notes"));
    }

    static AccountDraft account(AccountView s, Map<String, String> v) {
        String employees = v.get("employees");
        return new AccountDraft(s.kind(), v.get("name"), v.get("legalName"), v.get("taxId"), v.get("email"), v.get("phone"),
                v.get("website"), v.get("street"), v.get("city"), v.get("postcode"), v.get("province"), s.country(),
                v.get("industry"), employees == null ? null : Integer.valueOf(employees), s.customer(), s.supplier(), s.partner(),
                s.ownerId(), s.source(), s.segment(), v.get("notes"));
    }
}
