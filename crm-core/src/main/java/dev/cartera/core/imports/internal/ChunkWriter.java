package dev.cartera.core.imports.internal;

import dev.cartera.core.common.CrmException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.customfield.CustomFieldValue;
import dev.cartera.core.imports.DuplicatePolicy;
import dev.cartera.core.imports.ImportRowError;
import dev.cartera.core.imports.ImportRowKey;
import dev.cartera.core.imports.ImportRun;
import dev.cartera.core.imports.ImportStatus;
import dev.cartera.core.imports.RowProblem;
import dev.cartera.core.lead.Lead;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.access.Action;
import dev.cartera.core.common.Ids;
import dev.cartera.core.persistence.BulkCopy;
import dev.cartera.core.persistence.UnitOfWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.hibernate.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports one chunk of rows inside one transaction: nothing of a chunk is kept unless all of it is,
 * so a crash never leaves half a row. Rows already imported (same fingerprint in the tenant) are
 * skipped; duplicates of existing records follow the run's policy; every new lead is made by
 * {@link LeadService#prepareNewLead} and stored with {@link LeadService#storeNewLeads} (by COPY on
 * PostgreSQL), so normalisation, permission and owner checks, assignment rules, audit and events are
 * the same as by hand.
 */
public final class ChunkWriter {
    private static final String NONE = "\u0001";

    /** What one chunk did. {@code cancelled} means the run was cancelled before it started. */
    public record Outcome(boolean cancelled, int created, int updated, int skipped, int failed) {
    }

    private final UUID runId;
    private final DuplicatePolicy policy;
    private final LeadService leads;

    public ChunkWriter(UUID runId, DuplicatePolicy policy, LeadService leads) {
        this.runId = runId;
        this.policy = policy;
        this.leads = leads;
    }

    /** Writes rows the {@link RowMapper} has read (on the {@link ReadAhead} thread): problems recorded, the good ones stored. */
    public Outcome write(UnitOfWork work, List<RowMapper.Mapped> rows) {
        EntityManager em = work.em();
        ImportRun run = em.find(ImportRun.class, runId);
        if (run == null || run.getStatus() != ImportStatus.RUNNING) {
            return new Outcome(true, 0, 0, 0, 0);
        }
        // The per-row queries (owner checks) never read what this chunk writes; without this, Hibernate
        // would dirty-check the whole chunk before each of them — quadratic — and send rows one by one.
        FlushModeType flushMode = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        // One JDBC batch per table for the whole chunk instead of one per 50 rows: fewer round trips.
        Session session = em.unwrap(Session.class);
        Integer batchSize = session.getJdbcBatchSize();
        session.setJdbcBatchSize(Math.max(50, rows.size()));
        try {
            return writeRows(work, em, run, rows);
        } finally {
            em.setFlushMode(flushMode);
            session.setJdbcBatchSize(batchSize);
        }
    }

    private Outcome writeRows(UnitOfWork work, EntityManager em, ImportRun run, List<RowMapper.Mapped> mapped) {
        boolean bulk = BulkCopy.available(work);
        Set<String> done = existingFingerprints(work, mapped, bulk);
        Matches matches = policy == DuplicatePolicy.CREATE ? null : Matches.load(work, mapped, bulk);
        Pending pending = new Pending(bulk);
        Set<String> seen = new HashSet<>();
        int created = 0;
        int updated = 0;
        int skipped = 0;
        int failed = 0;
        for (RowMapper.Mapped row : mapped) {
            if (!row.valid()) {
                errors(em, row.row().line(), row.problems());
                failed++;
                continue;
            }
            if (done.contains(row.fingerprint()) || !seen.add(row.fingerprint())) {
                skipped++;
                continue;
            }
            Match match = matches == null ? null : matches.find(row);
            try {
                if (match == null) {
                    // Checked and owned as by hand (the row mapper validated the draft); stored with the chunk's others below.
                    Lead lead = LeadService.prepareNewLead(work, row.draft());
                    pending.lead(lead, row.custom());
                    pending.key(row.fingerprint(), policy == DuplicatePolicy.CREATE ? null : row.identityKey(), lead.getId(), "CREATED");
                    if (matches != null) {
                        matches.add(lead.getId(), row);
                    }
                    created++;
                } else if (policy == DuplicatePolicy.UPDATE && match.type() == RecordType.LEAD) {
                    if (pending.holds(match.id())) {
                        // A lead made from an earlier row of this chunk: it must be stored before it can be updated.
                        pending.store(work, runId);
                    }
                    update(work, match.id(), row);
                    pending.key(row.fingerprint(), null, match.id(), "UPDATED");
                    updated++;
                } else {
                    pending.key(row.fingerprint(), null, match.type() == RecordType.LEAD ? match.id() : null, "SKIPPED");
                    skipped++;
                }
            } catch (CrmException e) {
                errors(em, row.row().line(), List.of(new RowProblem(-1, null, e.code(), null)));
                failed++;
            }
        }
        pending.store(work, runId);
        run.setRowsRead(run.getRowsRead() + mapped.size());
        run.setLastLine(mapped.get(mapped.size() - 1).row().line());
        run.setRowsCreated(run.getRowsCreated() + created);
        run.setRowsUpdated(run.getRowsUpdated() + updated);
        run.setRowsSkipped(run.getRowsSkipped() + skipped);
        run.setRowsFailed(run.getRowsFailed() + failed);
        return new Outcome(false, created, updated, skipped, failed);
    }

    /**
     * What the chunk stores, collected so that it goes to the database in one go: row fingerprints first (a
     * clash with a concurrent import fails the chunk before anything else is written, and it is tried again),
     * then the leads with their audit entries and events, then custom field values.
     */
    private static final class Pending {
        private static final List<String> KEY_COLUMNS = List.of("id", "tenant_id", "version", "created_at", "created_by",
                "updated_at", "updated_by", "run_id", "fingerprint", "identity_key", "lead_id", "outcome");

        private record Key(String fingerprint, String identity, UUID leadId, String outcome) {
        }

        private final boolean bulk;
        private final List<Lead> leads = new ArrayList<>();
        private final List<Map<String, String>> custom = new ArrayList<>();
        private final Set<UUID> ids = new HashSet<>();
        private final List<Key> keys = new ArrayList<>();

        Pending(boolean bulk) {
            this.bulk = bulk;
        }

        void lead(Lead lead, Map<String, String> values) {
            leads.add(lead);
            custom.add(values);
            ids.add(lead.getId());
        }

        void key(String fingerprint, String identity, UUID leadId, String outcome) {
            keys.add(new Key(fingerprint, identity, leadId, outcome));
        }

        boolean holds(UUID leadId) {
            return ids.contains(leadId);
        }

        void store(UnitOfWork work, UUID runId) {
            EntityManager em = work.em();
            if (bulk) {
                Instant now = work.now();
                BulkCopy copy = BulkCopy.into("crm_import_row_key", KEY_COLUMNS);
                for (Key k : keys) {
                    copy.row(Ids.newId(), work.tenantId(), 0L, now, work.username(), now, work.username(), runId, k.fingerprint(),
                            k.identity(), k.leadId(), k.outcome());
                }
                copy.copy(work);
            } else {
                for (Key k : keys) {
                    ImportRowKey key = new ImportRowKey();
                    key.setRunId(runId);
                    key.setFingerprint(k.fingerprint());
                    key.setIdentityKey(k.identity());
                    key.setLeadId(k.leadId());
                    key.setOutcome(k.outcome());
                    em.persist(key);
                }
            }
            LeadService.storeNewLeads(work, leads);
            for (int i = 0; i < leads.size(); i++) {
                customValues(em, leads.get(i).getId(), custom.get(i));
            }
            leads.clear();
            custom.clear();
            ids.clear();
            keys.clear();
        }
    }

    /** Records a row as failed on its own, when even a transaction of one row could not save it. */
    public void fail(UnitOfWork work, SourceRow row, String reason) {
        ImportRun run = work.em().find(ImportRun.class, runId);
        errors(work.em(), row.line(), List.of(new RowProblem(-1, null, reason, null)));
        run.setRowsRead(run.getRowsRead() + 1);
        run.setRowsFailed(run.getRowsFailed() + 1);
        run.setLastLine(row.line());
    }

    private void update(UnitOfWork work, UUID leadId, RowMapper.Mapped row) {
        LeadView old = LeadView.of(LeadService.load(work, leadId, Action.UPDATE));
        LeadDraft d = row.draft();
        LeadDraft merged = new LeadDraft(or(d.firstName(), old.firstName()), or(d.lastName(), old.lastName()),
                or(d.companyName(), old.companyName()), or(d.jobTitle(), old.jobTitle()), or(d.email(), old.email()),
                or(d.phone(), old.phone()), or(d.taxId(), old.taxId()), or(d.source(), old.source()), old.campaignId(),
                d.ownerId() != null ? d.ownerId() : old.ownerId(), or(d.street(), old.street()), or(d.city(), old.city()),
                or(d.postcode(), old.postcode()), or(d.province(), old.province()), or(d.country(), old.country()),
                or(d.language(), old.language()), d.companySize() != null ? d.companySize() : old.companySize(),
                or(d.productInterest(), old.productInterest()), or(d.notes(), old.notes()));
        leads.update(leadId, null, merged);
        EntityManager em = work.em();
        for (Map.Entry<String, String> e : row.custom().entrySet()) {
            List<CustomFieldValue> existing = em.createQuery("select v from CustomFieldValue v where v.recordType = :t"
                            + " and v.recordId = :id and v.fieldKey = :k", CustomFieldValue.class)
                    .setParameter("t", RecordType.LEAD).setParameter("id", leadId).setParameter("k", e.getKey()).getResultList();
            if (existing.isEmpty()) {
                customValues(em, leadId, Map.of(e.getKey(), e.getValue()));
            } else {
                existing.get(0).setValue(e.getValue());
            }
        }
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static void customValues(EntityManager em, UUID leadId, Map<String, String> values) {
        values.forEach((key, value) -> {
            CustomFieldValue v = new CustomFieldValue();
            v.setRecordType(RecordType.LEAD);
            v.setRecordId(leadId);
            v.setFieldKey(key);
            v.setValue(value);
            em.persist(v);
        });
    }

    private void errors(EntityManager em, long line, List<RowProblem> problems) {
        for (RowProblem p : problems) {
            ImportRowError error = new ImportRowError();
            error.setRunId(runId);
            error.setLineNumber(line);
            error.setColumnIndex(p.column());
            error.setColumnName(p.columnName() == null ? null : cut(p.columnName(), 200));
            error.setReason(cut(p.reason(), 200));
            error.setCellValue(p.value() == null ? null : cut(p.value(), 500));
            em.persist(error);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Set<String> existingFingerprints(UnitOfWork work, List<RowMapper.Mapped> rows, boolean bulk) {
        List<String> fingerprints = rows.stream().filter(RowMapper.Mapped::valid).map(RowMapper.Mapped::fingerprint).toList();
        if (fingerprints.isEmpty()) {
            return Set.of();
        }
        if (bulk) {
            Set<String> found = new HashSet<>();
            ChunkQueries.rows(work, ChunkQueries.lookup("crm_import_row_key", null, "fingerprint", "fingerprint"),
                    fingerprints, work.tenantId()).forEach(r -> found.add((String) r[0]));
            return found;
        }
        return new HashSet<>(work.em().createQuery("select k.fingerprint from ImportRowKey k where k.fingerprint in :f", String.class)
                .setParameter("f", fingerprints).getResultList());
    }

    private record Match(RecordType type, UUID id) {
    }

    /**
     * Existing records sharing a tax id, e-mail or phone with the chunk's rows, found with one query per
     * kind, plus the identities earlier imports claimed. Leads come first: they are what an import updates.
     */
    private static final class Matches {
        private final Map<String, Match> byKey = new HashMap<>();

        static Matches load(UnitOfWork work, List<RowMapper.Mapped> rows, boolean bulk) {
            Set<String> emails = new HashSet<>(Set.of(NONE));
            Set<String> phones = new HashSet<>(Set.of(NONE));
            Set<String> taxIds = new HashSet<>(Set.of(NONE));
            Set<String> identities = new HashSet<>(Set.of(NONE));
            for (RowMapper.Mapped row : rows) {
                if (row.valid()) {
                    add(emails, row.emailKey());
                    add(phones, row.phoneKey());
                    add(taxIds, row.draft().taxId());
                    add(identities, row.identityKey());
                }
            }
            Matches m = new Matches();
            String t = work.tenantId();
            // Lowest priority first: later puts win, so a lead beats a contact beats an account.
            for (Object[] r : bulk ? ChunkQueries.rows(work, ChunkQueries.lookup("crm_account", null, "id, tax_id, email, phone", "tax_id", "email",
                    "phone"), taxIds, t, emails, t, phones, t)
                    : work.em().createQuery("select a.id, a.taxId, a.email, a.phone from Account a"
                            + " where a.taxId in :t or a.email in :e or a.phone in :p", Object[].class)
                    .setParameter("t", taxIds).setParameter("e", emails).setParameter("p", phones).getResultList()) {
                m.put(RecordType.ACCOUNT, (UUID) r[0], "tax:" + r[1], "email:" + r[2], "phone:" + r[3]);
            }
            for (Object[] r : bulk ? ChunkQueries.rows(work, ChunkQueries.lookup("crm_contact", null, "id, email, phone, mobile", "email", "phone",
                    "mobile"), emails, t, phones, t, phones, t)
                    : work.em().createQuery("select c.id, c.email, c.phone, c.mobile from Contact c"
                            + " where c.email in :e or c.phone in :p or c.mobile in :p", Object[].class)
                    .setParameter("e", emails).setParameter("p", phones).getResultList()) {
                m.put(RecordType.CONTACT, (UUID) r[0], "email:" + r[1], "phone:" + r[2], "phone:" + r[3]);
            }
            for (Object[] r : bulk ? ChunkQueries.rows(work, ChunkQueries.lookup("crm_lead", "x.status <> 'CONVERTED'", "id, tax_id, email, phone",
                    "tax_id", "email", "phone"), taxIds, t, emails, t, phones, t)
                    : work.em().createQuery("select l.id, l.taxId, l.email, l.phone from Lead l"
                            + " where l.status <> dev.cartera.core.lead.LeadStatus.CONVERTED"
                            + " and (l.taxId in :t or l.email in :e or l.phone in :p)", Object[].class)
                    .setParameter("t", taxIds).setParameter("e", emails).setParameter("p", phones).getResultList()) {
                m.put(RecordType.LEAD, (UUID) r[0], "tax:" + r[1], "email:" + r[2], "phone:" + r[3]);
            }
            for (Object[] r : bulk ? ChunkQueries.rows(work, ChunkQueries.lookup("crm_import_row_key", "x.lead_id is not null", "identity_key, lead_id",
                    "identity_key"), identities, t)
                    : work.em().createQuery("select k.identityKey, k.leadId from ImportRowKey k where k.identityKey in :i"
                            + " and k.leadId is not null", Object[].class)
                    .setParameter("i", identities).getResultList()) {
                m.byKey.putIfAbsent((String) r[0], new Match(RecordType.LEAD, (UUID) r[1]));
            }
            return m;
        }

        private static void add(Set<String> set, String value) {
            if (value != null) {
                set.add(value);
            }
        }

        private void put(RecordType type, UUID id, String... keys) {
            for (String key : keys) {
                if (!key.endsWith(":null")) {
                    byKey.put(key, new Match(type, id));
                }
            }
        }

        void add(UUID leadId, RowMapper.Mapped row) {
            List<String> keys = new ArrayList<>();
            if (row.draft().taxId() != null) {
                keys.add("tax:" + row.draft().taxId());
            }
            if (row.emailKey() != null) {
                keys.add("email:" + row.emailKey());
            }
            if (row.phoneKey() != null) {
                keys.add("phone:" + row.phoneKey());
            }
            put(RecordType.LEAD, leadId, keys.toArray(String[]::new));
        }

        Match find(RowMapper.Mapped row) {
            Match m = null;
            if (row.draft().taxId() != null) {
                m = byKey.get("tax:" + row.draft().taxId());
            }
            if (m == null && row.emailKey() != null) {
                m = byKey.get("email:" + row.emailKey());
            }
            if (m == null && row.phoneKey() != null) {
                m = byKey.get("phone:" + row.phoneKey());
            }
            return m;
        }
    }
}
