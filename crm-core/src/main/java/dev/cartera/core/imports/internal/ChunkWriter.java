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
    private final ChunkQueries.Statistics statistics = new ChunkQueries.Statistics(Map.of(
            "crm_import_row_key", "tenant_id, fingerprint, identity_key", "crm_lead", "tenant_id, tax_id, email, phone, status",
            "crm_contact", "tenant_id, email, phone, mobile", "crm_account", "tenant_id, tax_id, email, phone"),
            List.of("crm_import_row_key", "crm_lead"));
    /** What the chunk being written stores that a look-up would find; handed to the next chunk once committed. */
    private Written written;
    /** What the chunk before stored, if it was committed as written (an empty chunk before the first). */
    private Written previous = new Written();

    public ChunkWriter(UUID runId, DuplicatePolicy policy, LeadService leads) {
        this.runId = runId;
        this.policy = policy;
        this.leads = leads;
    }

    /**
     * What the database held for a chunk, looked up ahead on another connection while the chunk before it was
     * being written (PostgreSQL only; see {@link #lookAhead}).
     */
    public static final class Lookup {
        private final Known known;

        private Lookup(Known known) {
            this.known = known;
        }
    }

    /**
     * Looks up what the database holds for {@code rows} — the chunk after the one being written — in its own
     * transaction, so that the look-up's database work overlaps with the writing of the chunk before. Rows that
     * chunk stores are not seen yet; {@link #write} adds them from memory once it committed (see {@link #committed}).
     * Null where looking ahead does not apply: not PostgreSQL, or a run that updates existing leads (an update
     * can take a key away from a lead, which memory would not know).
     */
    public Lookup lookAhead(UnitOfWork work, List<RowMapper.Mapped> rows) {
        if (!looksAhead(work)) {
            return null;
        }
        statistics.beforeChunk(work);
        return new Lookup(Known.load(work, rows, true, policy != DuplicatePolicy.CREATE));
    }

    /** Whether {@link #lookAhead} applies to this run on this database. */
    public boolean looksAhead(UnitOfWork work) {
        return policy != DuplicatePolicy.UPDATE && BulkCopy.available(work);
    }

    /** The chunk last written was committed as written: the next chunk's look-ahead may be completed with it. */
    public void committed() {
        previous = written;
    }

    /** The chunk last written was not committed as written (tried again, or row by row): the next one looks up anew. */
    public void failed() {
        previous = null;
    }

    /** Writes rows the {@link RowMapper} has read (on the {@link ReadAhead} thread): problems recorded, the good ones stored. */
    public Outcome write(UnitOfWork work, List<RowMapper.Mapped> rows) {
        return write(work, rows, null);
    }

    /** As {@link #write(UnitOfWork, List)}, with what {@link #lookAhead} found for these rows (or null). */
    public Outcome write(UnitOfWork work, List<RowMapper.Mapped> rows, Lookup ahead) {
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
            return writeRows(work, em, run, rows, ahead);
        } finally {
            em.setFlushMode(flushMode);
            session.setJdbcBatchSize(batchSize);
        }
    }

    private Outcome writeRows(UnitOfWork work, EntityManager em, ImportRun run, List<RowMapper.Mapped> mapped, Lookup ahead) {
        boolean bulk = BulkCopy.available(work);
        Known known;
        if (ahead != null && previous != null) {
            known = ahead.known;
            known.add(previous);
        } else {
            if (bulk) {
                statistics.beforeChunk(work);
            }
            known = Known.load(work, mapped, bulk, policy != DuplicatePolicy.CREATE);
        }
        Set<String> done = known.done;
        Matches matches = known.matches;
        Written chunk = new Written();
        written = chunk;
        Pending pending = new Pending(bulk, chunk);
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
                    // On PostgreSQL the lead the reading thread normalised (stored by COPY, so reusable if the chunk is tried again).
                    Lead lead = bulk ? LeadService.prepareNewLead(work, row.draft(), row.lead()) : LeadService.prepareNewLead(work, row.draft());
                    pending.lead(lead, row.custom());
                    pending.key(row.fingerprint(), policy == DuplicatePolicy.CREATE ? null : row.identityKey(), lead.getId(), "CREATED");
                    if (matches != null) {
                        matches.add(lead.getId(), row);
                        chunk.leads.add(new Created(lead.getId(), row));
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
        statistics.stored(created);
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
        private final Written written;
        private final List<Lead> leads = new ArrayList<>();
        private final List<Map<String, String>> custom = new ArrayList<>();
        private final Set<UUID> ids = new HashSet<>();
        private final List<Key> keys = new ArrayList<>();

        Pending(boolean bulk, Written written) {
            this.bulk = bulk;
            this.written = written;
        }

        void lead(Lead lead, Map<String, String> values) {
            leads.add(lead);
            custom.add(values);
            ids.add(lead.getId());
        }

        void key(String fingerprint, String identity, UUID leadId, String outcome) {
            keys.add(new Key(fingerprint, identity, leadId, outcome));
            written.fingerprints.add(fingerprint);
            if (identity != null && leadId != null) {
                written.identities.put(identity, leadId);
            }
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

    private record Match(RecordType type, UUID id) {
    }

    private record Created(UUID id, RowMapper.Mapped row) {
    }

    /** Row fingerprints, claimed identities and new leads one chunk stored. */
    private static final class Written {
        private final Set<String> fingerprints = new HashSet<>();
        private final Map<String, UUID> identities = new HashMap<>();
        private final List<Created> leads = new ArrayList<>();
    }

    /**
     * What the database already holds for a chunk: the fingerprints of rows imported before and, unless
     * the policy creates anyway, existing records sharing a tax id, e-mail or phone with the chunk's rows
     * plus the identities earlier imports claimed. On PostgreSQL one statement finds all of it
     * ({@link ChunkQueries}); elsewhere one query per kind.
     */
    private static final class Known {
        private final Set<String> done = new HashSet<>();
        private final Matches matches;

        private Known(Matches matches) {
            this.matches = matches;
        }

        static Known load(UnitOfWork work, List<RowMapper.Mapped> rows, boolean bulk, boolean duplicates) {
            Set<String> fingerprints = new HashSet<>(Set.of(NONE));
            Set<String> emails = new HashSet<>(Set.of(NONE));
            Set<String> phones = new HashSet<>(Set.of(NONE));
            Set<String> taxIds = new HashSet<>(Set.of(NONE));
            Set<String> identities = new HashSet<>(Set.of(NONE));
            for (RowMapper.Mapped row : rows) {
                if (row.valid()) {
                    fingerprints.add(row.fingerprint());
                    add(emails, row.emailKey());
                    add(phones, row.phoneKey());
                    add(taxIds, row.draft().taxId());
                    add(identities, row.identityKey());
                }
            }
            Known known = new Known(duplicates ? new Matches() : null);
            if (bulk) {
                ChunkQueries q = new ChunkQueries().values("f", fingerprints)
                        .probe("F", "f", "crm_import_row_key", "fingerprint", null, null, "fingerprint", null, null);
                if (duplicates) {
                    // Lowest priority first: later puts win, so a lead beats a contact beats an account.
                    q.values("t", taxIds).values("e", emails).values("p", phones).values("i", identities)
                            .probe("A", "t", "crm_account", "tax_id", null, "id", "tax_id", "email", "phone")
                            .probe("A", "e", "crm_account", "email", null, "id", "tax_id", "email", "phone")
                            .probe("A", "p", "crm_account", "phone", null, "id", "tax_id", "email", "phone")
                            .probe("C", "e", "crm_contact", "email", null, "id", "email", "phone", "mobile")
                            .probe("C", "p", "crm_contact", "phone", null, "id", "email", "phone", "mobile")
                            .probe("C", "p", "crm_contact", "mobile", null, "id", "email", "phone", "mobile")
                            .probe("L", "t", "crm_lead", "tax_id", "x.status <> 'CONVERTED'", "id", "tax_id", "email", "phone")
                            .probe("L", "e", "crm_lead", "email", "x.status <> 'CONVERTED'", "id", "tax_id", "email", "phone")
                            .probe("L", "p", "crm_lead", "phone", "x.status <> 'CONVERTED'", "id", "tax_id", "email", "phone")
                            .probe("I", "i", "crm_import_row_key", "identity_key", "x.lead_id is not null", "lead_id", "identity_key", null, null);
                }
                List<ChunkQueries.Found> found = q.run(work);
                for (String kind : List.of("F", "A", "C", "L", "I")) {
                    for (ChunkQueries.Found f : found) {
                        if (f.probe().equals(kind)) {
                            known.put(kind, f.id(), f.a(), f.b(), f.c());
                        }
                    }
                }
                return known;
            }
            EntityManager em = work.em();
            em.createQuery("select k.fingerprint from ImportRowKey k where k.fingerprint in :f", String.class)
                    .setParameter("f", fingerprints).getResultList().forEach(known.done::add);
            if (duplicates) {
                em.createQuery("select a.id, a.taxId, a.email, a.phone from Account a where a.taxId in :t or a.email in :e or a.phone in :p",
                                Object[].class).setParameter("t", taxIds).setParameter("e", emails).setParameter("p", phones).getResultList()
                        .forEach(r -> known.put("A", (UUID) r[0], (String) r[1], (String) r[2], (String) r[3]));
                em.createQuery("select c.id, c.email, c.phone, c.mobile from Contact c where c.email in :e or c.phone in :p or c.mobile in :p",
                                Object[].class).setParameter("e", emails).setParameter("p", phones).getResultList()
                        .forEach(r -> known.put("C", (UUID) r[0], (String) r[1], (String) r[2], (String) r[3]));
                em.createQuery("select l.id, l.taxId, l.email, l.phone from Lead l where l.status <> dev.cartera.core.lead.LeadStatus.CONVERTED"
                                + " and (l.taxId in :t or l.email in :e or l.phone in :p)", Object[].class)
                        .setParameter("t", taxIds).setParameter("e", emails).setParameter("p", phones).getResultList()
                        .forEach(r -> known.put("L", (UUID) r[0], (String) r[1], (String) r[2], (String) r[3]));
                em.createQuery("select k.leadId, k.identityKey from ImportRowKey k where k.identityKey in :i and k.leadId is not null",
                                Object[].class).setParameter("i", identities).getResultList()
                        .forEach(r -> known.put("I", (UUID) r[0], (String) r[1], null, null));
            }
            return known;
        }

        private static void add(Set<String> set, String value) {
            if (value != null) {
                set.add(value);
            }
        }

        /** Adds what an earlier chunk stored, as a look-up after its commit would have found it. */
        void add(Written chunk) {
            done.addAll(chunk.fingerprints);
            if (matches != null) {
                chunk.leads.forEach(created -> matches.add(created.id(), created.row()));
                chunk.identities.forEach((identity, leadId) -> matches.byKey.putIfAbsent(identity, new Match(RecordType.LEAD, leadId)));
            }
        }

        private void put(String kind, UUID id, String a, String b, String c) {
            switch (kind) {
                case "F" -> done.add(a);
                case "A" -> matches.put(RecordType.ACCOUNT, id, "tax:" + a, "email:" + b, "phone:" + c);
                case "C" -> matches.put(RecordType.CONTACT, id, "email:" + a, "phone:" + b, "phone:" + c);
                case "L" -> matches.put(RecordType.LEAD, id, "tax:" + a, "email:" + b, "phone:" + c);
                case "I" -> matches.byKey.putIfAbsent(a, new Match(RecordType.LEAD, id));
                default -> throw new IllegalStateException(kind);
            }
        }
    }

    /** Existing records by key ("tax:…", "email:…", "phone:…", or an import identity), leads first. */
    private static final class Matches {
        private final Map<String, Match> byKey = new HashMap<>();

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
