package dev.cartera.spring.ui;

import dev.cartera.core.access.Role;
import dev.cartera.core.account.AccountQuery;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.account.AccountView;
import dev.cartera.core.account.ContactService;
import dev.cartera.core.account.ContactView;
import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.dedupe.DuplicateCandidate;
import dev.cartera.core.dedupe.DuplicateService;
import dev.cartera.core.dedupe.MatchKey;
import dev.cartera.core.dedupe.MergeResult;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.team.UserService;
import dev.cartera.spring.CarteraProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Duplicates: for leads, contacts and accounts, the likely twins among the records of a page,
 * with their score and what they share; and the merge of two contacts or two accounts, where the
 * user picks the survivor and, field by field, the value to keep, then confirms. Leads merge on
 * the lead page. The merge itself (moving every related record and auditing it) is core's.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/duplicates")
class DuplicatesController implements CarteraUiController {
    /** Records scanned per page of the list; each is one duplicate query. */
    static final int SCAN = 50;

    private final DuplicateService duplicates;
    private final LeadService leads;
    private final ContactService contacts;
    private final AccountService accounts;
    private final UserService users;
    private final CarteraMessages messages;
    private final String base;

    DuplicatesController(DuplicateService duplicates, LeadService leads, ContactService contacts, AccountService accounts,
            UserService users, CarteraMessages messages, CarteraProperties properties) {
        this.duplicates = duplicates;
        this.leads = leads;
        this.contacts = contacts;
        this.accounts = accounts;
        this.users = users;
        this.messages = messages;
        this.base = properties.web().basePath();
    }

    /** Two records of a kind that look like one, the better-known one first. */
    record Pair(RecordType type, UUID aId, String aName, UUID bId, String bName, double score, List<MatchKey> matchedOn) {
        public int percent() {
            return (int) Math.round(score * 100);
        }
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "ACCOUNT") String type, @RequestParam(defaultValue = "0") int page, Model model) {
        RecordType kind = kind(type);
        PageRequest request = new PageRequest(Math.max(page, 0), SCAN);
        Map<UUID, String> names = new LinkedHashMap<>();
        Page<?> scanned = switch (kind) {
            case LEAD -> {
                Page<LeadView> p = leads.search(LeadQuery.all(), request);
                p.items().forEach(l -> names.put(l.id(), l.displayName()));
                yield p;
            }
            case CONTACT -> {
                Page<ContactView> p = contacts.search(null, request);
                p.items().forEach(c -> names.put(c.id(), c.fullName()));
                yield p;
            }
            default -> {
                Page<AccountView> p = accounts.search(AccountQuery.all(), request);
                p.items().forEach(a -> names.put(a.id(), a.name()));
                yield p;
            }
        };
        List<Pair> pairs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<UUID, String> record : names.entrySet()) {
            for (DuplicateCandidate c : duplicates.duplicatesOf(kind, record.getKey())) {
                if (c.type() != kind || !c.visible()) {
                    continue;
                }
                UUID a = record.getKey();
                UUID b = c.id();
                String key = a.compareTo(b) < 0 ? a + "/" + b : b + "/" + a;
                if (seen.add(key)) {
                    pairs.add(new Pair(kind, a, record.getValue(), b, c.displayName(), c.score(), c.matchedOn().stream().sorted().toList()));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed().thenComparing(Pair::aName, Comparator.nullsLast(String::compareTo)));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("type", kind.name().toLowerCase(Locale.ROOT));
        model.addAttribute("section", section(kind));
        model.addAttribute("type", kind);
        model.addAttribute("types", List.of(RecordType.LEAD, RecordType.CONTACT, RecordType.ACCOUNT));
        model.addAttribute("pairs", pairs);
        model.addAttribute("pager", PageLinks.of(scanned, base + "/duplicates", filters));
        model.addAttribute("canMerge", canMerge());
        return "cartera/duplicates";
    }

    /** The two records side by side: pick the survivor and, where they differ, the value to keep. */
    @GetMapping("/merge")
    String compare(@RequestParam String type, @RequestParam UUID a, @RequestParam UUID b,
            @RequestParam(defaultValue = "a") String survivor, @RequestParam Map<String, String> params, Model model) {
        return page(kind(type), a, b, side(survivor), picks(params), false, new FormErrors(messages), model);
    }

    /**
     * Without {@code confirmed}, shows what the merge will do (the survivor with the chosen values, the
     * record that goes); with it, merges and applies the chosen values to the survivor.
     */
    @PostMapping("/merge")
    String merge(@RequestParam String type, @RequestParam UUID a, @RequestParam UUID b, @RequestParam(defaultValue = "a") String survivor,
            @RequestParam(defaultValue = "false") boolean confirmed, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        RecordType kind = kind(type);
        if (kind == RecordType.LEAD) {
            // Leads merge on the lead page, with the lead's own confirmation.
            return "redirect:" + base + "/leads/" + a;
        }
        String side = side(survivor);
        Map<String, String> picks = picks(params);
        if (!canMerge()) {
            return page(kind, a, b, side, picks, false, new FormErrors(messages).add("_global", "access.denied"), model);
        }
        if (a.equals(b)) {
            return page(kind, a, b, side, picks, false, new FormErrors(messages).add("_global", "merge.same-record"), model);
        }
        UUID survivorId = "a".equals(side) ? a : b;
        UUID duplicateId = "a".equals(side) ? b : a;
        try {
            Map<String, String> values;
            if (kind == RecordType.CONTACT) {
                ContactView va = contacts.get(a);
                ContactView vb = contacts.get(b);
                values = MergeFields.picked(MergeFields.rows(MergeFields.CONTACT, va, vb, side, picks));
                Validator.valid(MergeFields.contact("a".equals(side) ? va : vb, values));
            } else {
                AccountView va = accounts.get(a);
                AccountView vb = accounts.get(b);
                values = MergeFields.picked(MergeFields.rows(MergeFields.ACCOUNT, va, vb, side, picks));
                Validator.valid(MergeFields.account("a".equals(side) ? va : vb, values));
            }
            if (!confirmed) {
                return page(kind, a, b, side, picks, true, new FormErrors(messages), model);
            }
            MergeResult result = duplicates.merge(kind, survivorId, duplicateId);
            // The merge filled the survivor's blanks from the twin; now the person's picks win, as one audited update.
            if (kind == RecordType.CONTACT) {
                ContactView merged = contacts.get(survivorId);
                contacts.update(survivorId, merged.version(), MergeFields.contact(merged, values));
            } else {
                AccountView merged = accounts.get(survivorId);
                accounts.update(survivorId, merged.version(), MergeFields.account(merged, values));
            }
            redirect.addFlashAttribute("mergedMoved", moved(result));
            redirect.addFlashAttribute("mergedType", kind);
            redirect.addFlashAttribute("mergedSurvivor", survivorId);
            if (kind == RecordType.ACCOUNT) {
                return "redirect:" + base + "/accounts/" + survivorId + "?merged=1";
            }
            return "redirect:" + base + "/contacts/" + survivorId + "?merged=1";
        } catch (ValidationException e) {
            return page(kind, a, b, side, picks, false, new FormErrors(messages).add(e), model);
        }
    }

    private String page(RecordType kind, UUID a, UUID b, String survivor, Map<String, String> picks, boolean confirming,
            FormErrors errors, Model model) {
        if (kind == RecordType.LEAD) {
            return "redirect:" + base + "/leads/" + a;
        }
        List<MergeFields.Row> rows;
        String aName;
        String bName;
        Map<UUID, String> accountNames = Map.of();
        if (kind == RecordType.CONTACT) {
            ContactView va = contacts.get(a);
            ContactView vb = contacts.get(b);
            rows = MergeFields.rows(MergeFields.CONTACT, va, vb, survivor, picks);
            aName = va.fullName();
            bName = vb.fullName();
            List<UUID> ids = new ArrayList<>();
            ids.add(va.accountId());
            ids.add(vb.accountId());
            accountNames = AccountNames.of(accounts, ids);
        } else {
            AccountView va = accounts.get(a);
            AccountView vb = accounts.get(b);
            rows = MergeFields.rows(MergeFields.ACCOUNT, va, vb, survivor, picks);
            aName = va.name();
            bName = vb.name();
        }
        Map<String, String> shown = new LinkedHashMap<>();
        for (MergeFields.Row r : rows) {
            shown.put(r.key() + ".a", display(r.key(), r.a(), accountNames));
            shown.put(r.key() + ".b", display(r.key(), r.b(), accountNames));
        }
        model.addAttribute("section", section(kind));
        model.addAttribute("type", kind);
        model.addAttribute("a", a);
        model.addAttribute("b", b);
        model.addAttribute("aName", aName);
        model.addAttribute("bName", bName);
        model.addAttribute("survivor", survivor);
        model.addAttribute("rows", rows);
        model.addAttribute("shown", shown);
        model.addAttribute("confirming", confirming);
        model.addAttribute("canMerge", canMerge());
        model.addAttribute("errors", errors);
        return "cartera/duplicates-merge";
    }

    private static String display(String key, String value, Map<UUID, String> accountNames) {
        if (value == null) {
            return null;
        }
        if ("accountId".equals(key)) {
            return accountNames.getOrDefault(UUID.fromString(value), "—");
        }
        return value;
    }

    /** What moved, as message keys and counts, leaving out kinds of which nothing moved. */
    private static Map<String, Integer> moved(MergeResult result) {
        Map<String, Integer> moved = new LinkedHashMap<>();
        result.moved().entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
                .forEach(e -> moved.put("cartera.duplicates.moved." + e.getKey(), e.getValue()));
        return moved;
    }

    private boolean canMerge() {
        return users.me().role() != Role.SALES_REP;
    }

    private static Map<String, String> picks(Map<String, String> params) {
        Map<String, String> picks = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("pick.")) {
                picks.put(k.substring(5), v == null ? null : v.toLowerCase(Locale.ROOT));
            }
        });
        return picks;
    }

    private static String side(String survivor) {
        return "b".equalsIgnoreCase(survivor) ? "b" : "a";
    }

    private static String section(RecordType kind) {
        return kind == RecordType.LEAD ? "leads" : "accounts";
    }

    private static RecordType kind(String type) {
        return switch (type.trim().toUpperCase(Locale.ROOT)) {
            case "LEAD" -> RecordType.LEAD;
            case "CONTACT" -> RecordType.CONTACT;
            case "ACCOUNT" -> RecordType.ACCOUNT;
            default -> throw ValidationException.of("type", "merge.unsupported-type");
        };
    }
}
