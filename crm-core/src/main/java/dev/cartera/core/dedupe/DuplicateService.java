package dev.cartera.core.dedupe;

import dev.cartera.core.access.Action;
import dev.cartera.core.access.Scope;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.persistence.ScopeFilter;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds likely duplicates of a lead, contact or account by tax id, e-mail, phone (E.164) and
 * fuzzy company or person name, and merges two records of a kind, moving everything related to the
 * survivor.
 *
 * <p>Leads, contacts and accounts use this package's normalisers, so this package reaches their tables
 * through JPQL by entity name rather than through their classes: the feature packages stay free of
 * cycles.
 */
public final class DuplicateService {
    /** Names at least this similar count as a match for companies; person names alone need more. */
    public static final double COMPANY_NAME_THRESHOLD = 0.90;
    public static final double PERSON_NAME_THRESHOLD = 0.95;
    private static final String NONE = "\u0001";
    private static final int PER_TYPE_LIMIT = 200;

    private final Transactions tx;

    public DuplicateService(Transactions tx) {
        this.tx = tx;
    }

    /** Likely duplicates among leads, contacts and accounts, best first. */
    public List<DuplicateCandidate> candidates(DuplicateProbe probe) {
        Objects.requireNonNull(probe, "probe");
        return tx.read(work -> candidates(work, probe, 20));
    }

    /** Likely duplicates of an existing record, itself left out. */
    public List<DuplicateCandidate> duplicatesOf(RecordType type, UUID id) {
        return tx.read(work -> candidates(work, probeOf(work, type, id), 20));
    }

    /** The check inside a running unit of work (create-time checks, imports). */
    public static List<DuplicateCandidate> candidates(UnitOfWork work, DuplicateProbe probe, int limit) {
        Keys keys = Keys.of(probe);
        if (keys.isEmpty()) {
            return List.of();
        }
        List<DuplicateCandidate> found = new ArrayList<>();
        EntityManager em = work.em();
        ScopeFilter leads = work.scopeFilter(Action.READ, RecordType.LEAD);
        for (Object[] r : em.createQuery("select l.id, l.firstName, l.lastName, l.companyName, l.email, l.phone, l.taxId,"
                        + " l.companyKey, l.personKey, l.ownerId from Lead l where l.status <> dev.cartera.core.lead.LeadStatus.CONVERTED"
                        + " and (l.email = :email or l.phone = :phone or l.taxId = :tax or l.companyKey like :company"
                        + " or l.personKey like :person)", Object[].class)
                .setParameter("email", keys.email).setParameter("phone", keys.phone).setParameter("tax", keys.taxId)
                .setParameter("company", keys.companyPrefix()).setParameter("person", keys.personPrefix())
                .setMaxResults(PER_TYPE_LIMIT).getResultList()) {
            String display = join((String) r[1], (String) r[2]);
            if (r[3] != null) {
                display = display.isEmpty() ? (String) r[3] : display + " (" + r[3] + ")";
            }
            score(keys, RecordType.LEAD, (UUID) r[0], display, (String) r[6], (String) r[4], Set.of(str(r[5])),
                    (String) r[7], (String) r[8], visible(leads, (UUID) r[9])).ifPresent(found::add);
        }
        ScopeFilter contacts = work.scopeFilter(Action.READ, RecordType.CONTACT);
        for (Object[] r : em.createQuery("select c.id, c.firstName, c.lastName, c.email, c.phone, c.mobile, c.personKey, c.ownerId"
                        + " from Contact c where c.email = :email or c.phone = :phone or c.mobile = :phone or c.personKey like :person",
                        Object[].class)
                .setParameter("email", keys.email).setParameter("phone", keys.phone).setParameter("person", keys.personPrefix())
                .setMaxResults(PER_TYPE_LIMIT).getResultList()) {
            score(keys, RecordType.CONTACT, (UUID) r[0], join((String) r[1], (String) r[2]), null, (String) r[3],
                    new java.util.HashSet<>(java.util.Arrays.asList(str(r[4]), str(r[5]))), null, (String) r[6], visible(contacts, (UUID) r[7])).ifPresent(found::add);
        }
        ScopeFilter accounts = work.scopeFilter(Action.READ, RecordType.ACCOUNT);
        for (Object[] r : em.createQuery("select a.id, a.name, a.taxId, a.email, a.phone, a.nameKey, a.ownerId,"
                        + " a.kind from Account a where a.taxId = :tax or a.email = :email or a.phone = :phone"
                        + " or a.nameKey like :company or a.nameKey like :person", Object[].class)
                .setParameter("email", keys.email).setParameter("phone", keys.phone).setParameter("tax", keys.taxId)
                .setParameter("company", keys.companyPrefix()).setParameter("person", keys.personPrefix())
                .setMaxResults(PER_TYPE_LIMIT).getResultList()) {
            boolean company = "COMPANY".equals(String.valueOf(r[7]));
            score(keys, RecordType.ACCOUNT, (UUID) r[0], (String) r[1], (String) r[2], (String) r[3], Set.of(str(r[4])),
                    company ? (String) r[5] : null, company ? null : (String) r[5], visible(accounts, (UUID) r[6]))
                    .ifPresent(found::add);
        }
        return found.stream()
                .filter(c -> !c.id().equals(probe.excludeId()))
                .sorted(Comparator.comparingDouble(DuplicateCandidate::score).reversed().thenComparing(c -> c.id().toString()))
                .limit(limit)
                .map(c -> c.visible() ? c : new DuplicateCandidate(c.type(), c.id(), null, c.score(), c.matchedOn(), false))
                .toList();
    }

    /**
     * Merges {@code duplicateId} into {@code survivorId} (both leads, both contacts or both accounts):
     * blanks of the survivor are filled from the duplicate, every related record moves to the survivor,
     * the duplicate is deleted, and both sides are audited. Needs UPDATE on the survivor and DELETE on
     * the duplicate, each within the caller's scope.
     */
    public MergeResult merge(RecordType type, UUID survivorId, UUID duplicateId) {
        Objects.requireNonNull(type, "type");
        if (Objects.equals(survivorId, duplicateId)) {
            throw ValidationException.of("duplicateId", "merge.same-record");
        }
        return tx.write(work -> {
            String entity = switch (type) {
                case LEAD -> "Lead";
                case CONTACT -> "Contact";
                case ACCOUNT -> "Account";
                default -> throw ValidationException.of("type", "merge.unsupported-type");
            };
            requireReach(work, type, entity, survivorId, Action.UPDATE);
            requireReach(work, type, entity, duplicateId, Action.DELETE);
            work.em().flush();
            Merger merger = new Merger(work, type, survivorId, duplicateId);
            Map<String, Integer> moved = merger.run(entity);
            work.audit("MERGE", type, survivorId, "merged " + duplicateId + " " + moved);
            work.audit("MERGED", type, duplicateId, "into " + survivorId);
            work.publish(new DuplicateEvents.RecordsMerged(work.tenantId(), work.now(), work.username(), type, survivorId, duplicateId));
            return new MergeResult(type, survivorId, duplicateId, moved);
        });
    }

    private static void requireReach(UnitOfWork work, RecordType type, String entity, UUID id, Action action) {
        Scope scope = work.require(action, type);
        List<UUID> owners = work.em().createQuery("select x.ownerId from " + entity + " x where x.id = :id", UUID.class)
                .setParameter("id", id).getResultList();
        if (owners.isEmpty() || !work.canReach(scope, owners.get(0))) {
            throw new NotFoundException(type, id);
        }
    }

    private static DuplicateProbe probeOf(UnitOfWork work, RecordType type, UUID id) {
        String entity;
        String select;
        switch (type) {
            case LEAD -> {
                entity = "Lead";
                select = "x.firstName, x.lastName, x.companyName, x.email, x.phone, x.taxId";
            }
            case CONTACT -> {
                entity = "Contact";
                select = "x.firstName, x.lastName, '', x.email, coalesce(x.phone, x.mobile), ''";
            }
            case ACCOUNT -> {
                entity = "Account";
                select = "'', '', x.name, x.email, x.phone, x.taxId";
            }
            default -> throw ValidationException.of("type", "duplicate.unsupported-type");
        }
        requireReach(work, type, entity, id, Action.READ);
        Object[] r = work.em().createQuery("select " + select + " from " + entity + " x where x.id = :id", Object[].class)
                .setParameter("id", id).getSingleResult();
        return new DuplicateProbe((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], id);
    }

    private static Optional<DuplicateCandidate> score(Keys keys, RecordType type, UUID id, String display, String taxId,
            String email, Set<String> phones, String companyKey, String personKey, boolean visible) {
        Set<MatchKey> matched = EnumSet.noneOf(MatchKey.class);
        double best = 0;
        if (keys.taxId != NONE && keys.taxId.equals(taxId)) {
            matched.add(MatchKey.TAX_ID);
            best = Math.max(best, 1.0);
        }
        if (keys.email != NONE && keys.email.equals(email)) {
            matched.add(MatchKey.EMAIL);
            best = Math.max(best, 0.95);
        }
        if (keys.phone != NONE && phones.contains(keys.phone)) {
            matched.add(MatchKey.PHONE);
            best = Math.max(best, 0.9);
        }
        double company = Names.similarity(keys.companyKey, companyKey);
        if (company >= COMPANY_NAME_THRESHOLD) {
            matched.add(MatchKey.COMPANY_NAME);
            best = Math.max(best, 0.85 * company);
        }
        double person = Names.similarity(keys.personKey, personKey);
        if (person >= PERSON_NAME_THRESHOLD) {
            matched.add(MatchKey.PERSON_NAME);
            best = Math.max(best, 0.75 * person);
        }
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        double score = Math.min(1.0, best + 0.02 * (matched.size() - 1));
        return Optional.of(new DuplicateCandidate(type, id, display, Math.round(score * 1000) / 1000.0, matched, visible));
    }

    private static boolean visible(ScopeFilter scope, UUID owner) {
        Optional<Set<UUID>> owners = scope.owners();
        if (owners.isEmpty()) {
            return true;
        }
        return owner == null ? scope.scope().covers(Scope.TEAM) : owners.get().contains(owner);
    }

    private static String join(String first, String last) {
        return ((first == null ? "" : first + " ") + (last == null ? "" : last)).strip();
    }

    private static String str(Object o) {
        return o == null ? NONE : o.toString();
    }

    /** The probe in the forms stored on records; absent parts are a value no column holds (not NUL: PostgreSQL refuses it). */
    private record Keys(String email, String phone, String taxId, String companyKey, String personKey) {
        static Keys of(DuplicateProbe p) {
            String email = ContactPoints.email(p.email());
            String phone = ContactPoints.e164(p.phone()).orElse(Validator.trimToNull(p.phone()));
            String tax = ContactPoints.taxId(p.taxId());
            return new Keys(email == null ? NONE : email, phone == null ? NONE : phone,
                    tax == null || tax.isEmpty() ? NONE : tax, Names.companyKey(p.companyName()),
                    Names.personKey(p.firstName(), p.lastName()));
        }

        boolean isEmpty() {
            return email == NONE && phone == NONE && taxId == NONE && companyKey == null && personKey == null;
        }

        /** Fuzzy names are compared within the same first letters: cheap to fetch by index, and Jaro-Winkler favours them. */
        String companyPrefix() {
            return companyKey == null || companyKey.length() < 3 ? NONE : companyKey.substring(0, 3) + "%";
        }

        String personPrefix() {
            return personKey == null || personKey.length() < 3 ? NONE : personKey.substring(0, 3) + "%";
        }
    }

    /** The moves of one merge, each a bulk statement limited to the tenant and versioned like any change. */
    private static final class Merger {
        private static final Map<RecordType, List<String>> FILLABLE = Map.of(
                RecordType.LEAD, List.of("firstName", "lastName", "companyName", "jobTitle", "email", "phone", "taxId",
                        "street", "city", "postcode", "province", "productInterest", "companySize", "campaignId",
                        "lastContactedAt"),
                RecordType.CONTACT, List.of("firstName", "jobTitle", "email", "phone", "mobile", "accountId"),
                RecordType.ACCOUNT, List.of("legalName", "taxId", "email", "phone", "website", "street", "city", "postcode",
                        "province", "industry", "employees", "originLeadId", "lastContactedAt"));

        private final UnitOfWork work;
        private final RecordType type;
        private final UUID survivor;
        private final UUID duplicate;
        private final Map<String, Integer> moved = new LinkedHashMap<>();

        Merger(UnitOfWork work, RecordType type, UUID survivor, UUID duplicate) {
            this.work = work;
            this.type = type;
            this.survivor = survivor;
            this.duplicate = duplicate;
        }

        Map<String, Integer> run(String entity) {
            fillBlanks(entity);
            move("activities", "Activity", "relatedId", "x.relatedType = :type");
            move("documentLinks", "DocumentLink", "recordId", "x.recordType = :type");
            move("alerts", "Alert", "recordId", "x.recordType = :type");
            move("consents", "Consent", "subjectId", "x.subjectType = :type");
            dropClashes("CampaignMember", "campaignId");
            move("campaignMembers", "CampaignMember", "recordId", "x.recordType = :type");
            dropClashes("CustomFieldValue", "fieldKey");
            move("customFieldValues", "CustomFieldValue", "recordId", "x.recordType = :type");
            switch (type) {
                case LEAD -> {
                    move("accountOrigins", "Account", "originLeadId", null);
                    move("contactOrigins", "Contact", "originLeadId", null);
                    move("opportunityOrigins", "Opportunity", "originLeadId", null);
                    move("importRows", "ImportRowKey", "leadId", null);
                }
                case CONTACT -> {
                    move("opportunities", "Opportunity", "contactId", null);
                    move("quotes", "Quote", "contactId", null);
                    move("convertedLeads", "Lead", "convertedContactId", null);
                }
                case ACCOUNT -> {
                    move("contacts", "Contact", "accountId", null);
                    move("opportunities", "Opportunity", "accountId", null);
                    move("quotes", "Quote", "accountId", null);
                    move("accountActivities", "Activity", "accountId", null);
                    move("accountAlerts", "Alert", "accountId", null);
                    move("convertedLeads", "Lead", "convertedAccountId", null);
                }
                default -> throw new IllegalStateException();
            }
            work.em().createQuery("delete from " + entity + " x where x.id = :id and x.tenantId = :tenant")
                    .setParameter("id", duplicate).setParameter("tenant", work.tenantId()).executeUpdate();
            return moved;
        }

        private void fillBlanks(String entity) {
            List<String> fields = FILLABLE.get(type);
            Object[] values = work.em().createQuery("select " + String.join(", ", fields.stream().map(f -> "x." + f).toList())
                    + " from " + entity + " x where x.id = :id", Object[].class).setParameter("id", duplicate).getSingleResult();
            StringBuilder set = new StringBuilder("update " + entity + " x set x.version = x.version + 1, x.updatedAt = :now, x.updatedBy = :user");
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                if (values[i] != null) {
                    set.append(", x.").append(fields.get(i)).append(" = coalesce(x.").append(fields.get(i)).append(", :v").append(i).append(')');
                    params.put("v" + i, values[i]);
                }
            }
            var update = work.em().createQuery(set + " where x.id = :id and x.tenantId = :tenant")
                    .setParameter("now", work.now()).setParameter("user", work.username())
                    .setParameter("id", survivor).setParameter("tenant", work.tenantId());
            params.forEach(update::setParameter);
            update.executeUpdate();
        }

        private void move(String label, String entity, String field, String typePredicate) {
            var update = work.em().createQuery("update " + entity + " x set x." + field + " = :survivor"
                            + (entity.equals("ImportRowKey") ? "" : ", x.version = x.version + 1, x.updatedAt = :now, x.updatedBy = :user")
                            + " where x." + field + " = :duplicate and x.tenantId = :tenant"
                            + (typePredicate == null ? "" : " and " + typePredicate))
                    .setParameter("survivor", survivor).setParameter("duplicate", duplicate).setParameter("tenant", work.tenantId());
            if (!entity.equals("ImportRowKey")) {
                update.setParameter("now", work.now()).setParameter("user", work.username());
            }
            if (typePredicate != null) {
                update.setParameter("type", type);
            }
            moved.merge(label, update.executeUpdate(), Integer::sum);
        }

        /** The duplicate's rows the survivor already has (same campaign, same custom field) would clash: the survivor's win. */
        private void dropClashes(String entity, String sameField) {
            work.em().createQuery("delete from " + entity + " x where x.recordType = :type and x.recordId = :duplicate"
                            + " and x.tenantId = :tenant and x." + sameField + " in (select s." + sameField + " from " + entity
                            + " s where s.recordType = :type and s.recordId = :survivor)")
                    .setParameter("type", type).setParameter("duplicate", duplicate).setParameter("survivor", survivor)
                    .setParameter("tenant", work.tenantId()).executeUpdate();
        }
    }
}
