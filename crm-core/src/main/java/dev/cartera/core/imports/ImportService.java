package dev.cartera.core.imports;

import dev.cartera.core.access.Action;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.CrmException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.common.Validator;
import dev.cartera.core.customfield.CustomFieldType;
import dev.cartera.core.dedupe.Names;
import dev.cartera.core.imports.internal.ChunkWriter;
import dev.cartera.core.imports.internal.CsvCells;
import dev.cartera.core.imports.internal.FileSource;
import dev.cartera.core.imports.internal.HeaderMatcher;
import dev.cartera.core.imports.internal.ReadAhead;
import dev.cartera.core.imports.internal.RowMapper;
import dev.cartera.core.imports.internal.SourceRow;
import dev.cartera.core.imports.internal.TableReader;
import dev.cartera.core.imports.internal.TableReaders;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lead imports (KD-2, B-8): upload → {@link #preview} (how the file reads, proposed mapping, row
 * checks) → {@link #start} a run in the background → {@link #status} → {@link #errorsCsv}. A run
 * goes in chunks, one transaction each, as the user who started it; it can be cancelled, and a run
 * cut short (cancelled, or its node gone) is {@link #resume resumed} from its last committed chunk.
 * Rows already imported in the tenant are never created again.
 */
public final class ImportService {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final int CHUNK_ATTEMPTS = 5;

    private final Transactions tx;
    private final LeadService leads;
    private final ImportFileStore files;
    private final Executor executor;
    private final ImportLimits limits;
    private final MeterRegistry meters;
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    /** Tests: each look-ahead runs before the chunk before it is written — the order where memory must add that chunk's rows. */
    private volatile boolean lookAheadFirst;

    public ImportService(Transactions tx, LeadService leads, ImportFileStore files, Executor executor, ImportLimits limits,
            MeterRegistry meters) {
        this.tx = tx;
        this.leads = leads;
        this.files = files;
        this.executor = executor;
        this.limits = limits;
        this.meters = meters;
    }

    public ImportPreview preview(InputStream file, String filename) {
        return preview(file, filename, PreviewOptions.none());
    }

    /** Stages the file, reads how it is written and its first rows, and proposes a mapping. Imports nothing. */
    public ImportPreview preview(InputStream file, String filename, PreviewOptions options) {
        String name = Validator.trimToNull(filename) == null ? "upload" : cut(filename.strip(), 255);
        Map<String, String> template = tx.read(work -> {
            work.require(Action.CREATE, RecordType.LEAD);
            return options.templateName() == null ? null : template(work, options.templateName()).orElseThrow(
                    () -> ValidationException.of("templateName", "import.template.unknown"));
        });
        // The run's id names the staged file, so the run object exists before its transaction does.
        ImportRun run = new ImportRun();
        UUID runId = run.getId();
        String key = runId.toString();
        try {
            Staged staged = stage(file, key);
            FileSource source = () -> files.open(key);
            TableReaders.Shape shape = TableReaders.sniff(source, name, Validator.trimToNull(options.encoding()));
            List<String> header;
            List<SourceRow> rows = new ArrayList<>();
            try (TableReader reader = TableReaders.open(source, shape, limits, name)) {
                SourceRow first = reader.next();
                if (first == null) {
                    throw new ImportFileException("import.file.empty");
                }
                header = first.cells();
                SourceRow row;
                while (rows.size() < limits.previewRows() && (row = reader.next()) != null) {
                    rows.add(row);
                }
            }
            if (rows.isEmpty()) {
                throw new ImportFileException("import.file.header-only");
            }
            List<ColumnProposal> proposals = HeaderMatcher.propose(header, template);
            Map<Integer, String> targets = new TreeMap<>();
            proposals.stream().filter(p -> p.target() != null).forEach(p -> targets.put(p.column(), p.target()));
            ColumnMapping mapping = new ColumnMapping(targets);
            return tx.write(work -> {
                RowMapper mapper = mapper(work, mapping, header);
                List<RowCheck> checks = rows.stream().map(mapper::map)
                        .map(m -> new RowCheck(m.row().line(), m.values(), m.problems())).toList();
                run.setOwnerId(work.actor().userId());
                run.setUsername(work.username());
                run.setFilename(name);
                run.setFileKey(key);
                run.setFileSha256(staged.sha256());
                run.setFileSize(staged.size());
                run.setFormat(shape.format());
                run.setEncoding(shape.encoding());
                run.setDelimiter(shape.delimiter() == null ? null : String.valueOf(shape.delimiter()));
                run.setBomBytes(shape.bomBytes());
                run.setSepLine(shape.sepLine());
                run.setStatus(ImportStatus.PREVIEW);
                run.setMappingSpec(mapping.spec());
                work.em().persist(run);
                return new ImportPreview(runId, name, shape.format(), shape.encoding(),
                        shape.delimiter() == null ? null : String.valueOf(shape.delimiter()), header,
                        rows.stream().map(SourceRow::cells).toList(), proposals, mapping, checks);
            });
        } catch (CrmException e) {
            discard(key);
            throw e;
        } catch (RuntimeException e) {
            discard(key);
            log.debug("Unreadable import file {}", name, e);
            throw new ImportFileException("import.file.unreadable", 0);
        }
    }

    /**
     * The preview of a staged file again, read from the staged copy: with {@code mapping} (the user's
     * correction), else the proposal of {@code templateName}, else the mapping kept on the preview.
     * The chosen mapping is kept, so a wizard on any node can go back and forth between its steps.
     */
    public ImportPreview review(UUID previewId, String templateName, ColumnMapping mapping) {
        ImportRun run = tx.read(work -> loadRun(work, previewId, Action.CREATE));
        if (run.getStatus() != ImportStatus.PREVIEW) {
            throw new ConflictException("import.run.already-started", previewId);
        }
        Map<String, String> template = Validator.trimToNull(templateName) == null ? null : tx.read(work -> template(work, templateName)
                .orElseThrow(() -> ValidationException.of("templateName", "import.template.unknown")));
        List<String> header;
        List<SourceRow> rows = new ArrayList<>();
        try (TableReader reader = TableReaders.open(() -> files.open(run.getFileKey()), shape(run), limits, run.getFilename())) {
            SourceRow first = reader.next();
            header = first == null ? List.of() : first.cells();
            SourceRow row;
            while (rows.size() < limits.previewRows() && (row = reader.next()) != null) {
                rows.add(row);
            }
        }
        List<ColumnProposal> proposals = HeaderMatcher.propose(header, template);
        ColumnMapping chosen;
        if (mapping != null) {
            chosen = mapping;
        } else if (template != null) {
            Map<Integer, String> targets = new TreeMap<>();
            proposals.stream().filter(p -> p.target() != null).forEach(p -> targets.put(p.column(), p.target()));
            chosen = new ColumnMapping(targets);
        } else {
            chosen = ColumnMapping.parse(run.getMappingSpec());
        }
        return tx.write(work -> {
            RowMapper mapper = mapper(work, chosen, header);
            List<RowCheck> checks = rows.stream().map(mapper::map)
                    .map(m -> new RowCheck(m.row().line(), m.values(), m.problems())).toList();
            ImportRun kept = loadRun(work, previewId, Action.CREATE);
            kept.setMappingSpec(chosen.spec());
            return new ImportPreview(previewId, run.getFilename(), run.getFormat(), run.getEncoding(), run.getDelimiter(), header,
                    rows.stream().map(SourceRow::cells).toList(), proposals, chosen, checks);
        });
    }

    /** The keys of the active custom fields of leads, which a column may feed as {@code custom.<key>}. */
    public List<String> customFieldKeys() {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.LEAD);
            return customFields(work).keySet().stream().sorted().toList();
        });
    }

    /** Starts importing a previewed file with the (corrected) mapping; returns at once, the run goes on in the background. */
    public ImportRunView start(UUID previewId, ColumnMapping mapping, DuplicatePolicy policy) {
        ImportRunView view = tx.write(work -> {
            ImportRun run = loadRun(work, previewId, Action.CREATE);
            if (run.getStatus() != ImportStatus.PREVIEW) {
                throw new ConflictException("import.run.already-started", previewId);
            }
            ColumnMapping chosen = mapping != null ? mapping : ColumnMapping.parse(run.getMappingSpec());
            Set<String> targets = Set.copyOf(chosen.targets().values());
            if (!(targets.contains(LeadField.FIRST_NAME.key()) || targets.contains(LeadField.LAST_NAME.key())
                    || targets.contains(LeadField.FULL_NAME.key()) || targets.contains(LeadField.COMPANY_NAME.key()))) {
                throw ValidationException.of("mapping", "import.mapping.no-name");
            }
            Map<String, CustomFieldType> custom = customFields(work);
            for (String target : targets) {
                if (target.startsWith(LeadField.CUSTOM_PREFIX) && !custom.containsKey(target.substring(LeadField.CUSTOM_PREFIX.length()))) {
                    throw ValidationException.of("mapping", "import.mapping.unknown-custom-field");
                }
            }
            run.setMappingSpec(chosen.spec());
            run.setDuplicatePolicy(policy == null ? DuplicatePolicy.SKIP : policy);
            run.setStatus(ImportStatus.QUEUED);
            run.setStartedAt(work.now());
            work.audit("IMPORT", RecordType.LEAD, run.getId(), run.getFilename());
            work.publish(new ImportEvents.ImportStarted(work.tenantId(), work.now(), work.username(), run.getId(), run.getFilename()));
            // Once committed: a caller's own transaction around this call would otherwise hide the QUEUED run from the worker.
            submitAfterCommit(work, run);
            return ImportRunView.of(work.flushed(run));
        });
        return view;
    }

    /** Preview and start in one call, with the proposed mapping. */
    public ImportRunView start(InputStream file, String filename, DuplicatePolicy policy) {
        ImportPreview preview = preview(file, filename);
        return start(preview.previewId(), preview.mapping(), policy);
    }

    public ImportRunView status(UUID runId) {
        return tx.read(work -> ImportRunView.of(loadRun(work, runId, Action.READ)));
    }

    /** The caller's visible runs, newest first. */
    public List<ImportRunView> runs(PageRequest page) {
        return tx.read(work -> {
            var scope = work.scopeFilter(Action.READ, RecordType.LEAD);
            return scope.bind(work.em().createQuery("select r from ImportRun r where r.status <> :preview and "
                            + scope.predicate("r.ownerId") + " order by r.createdAt desc, r.id", ImportRun.class))
                    .setParameter("preview", ImportStatus.PREVIEW)
                    .setFirstResult(page.offset()).setMaxResults(page.size())
                    .getResultStream().map(ImportRunView::of).toList();
        });
    }

    /** Stops a run after the chunk in progress; what was committed stays, and the run may be resumed later. */
    public ImportRunView cancel(UUID runId) {
        return tx.write(work -> {
            ImportRun run = loadRun(work, runId, Action.CREATE);
            if (run.getStatus() == ImportStatus.QUEUED || run.getStatus() == ImportStatus.RUNNING) {
                run.setStatus(ImportStatus.CANCELLED);
                run.setFinishedAt(work.now());
                work.audit("IMPORT_CANCEL", RecordType.LEAD, runId, null);
            } else if (run.getStatus() != ImportStatus.CANCELLED) {
                throw new ConflictException("import.run.not-running", run.getStatus());
            }
            return ImportRunView.of(work.flushed(run));
        });
    }

    /** Continues a cancelled, failed or interrupted run from its last committed chunk. */
    public ImportRunView resume(UUID runId) {
        if (active.contains(runId)) {
            throw new ConflictException("import.run.active", runId);
        }
        ImportRunView view = tx.write(work -> {
            ImportRun run = loadRun(work, runId, Action.CREATE);
            if (!run.getStatus().resumable()) {
                throw new ConflictException("import.run.not-resumable", run.getStatus());
            }
            run.setStatus(ImportStatus.QUEUED);
            run.setFinishedAt(null);
            run.setFailureCode(null);
            work.audit("IMPORT_RESUME", RecordType.LEAD, runId, "from line " + run.getLastLine());
            submitAfterCommit(work, run);
            return ImportRunView.of(work.flushed(run));
        });
        return view;
    }

    /**
     * Undoes a run that is not going on (cancelled, failed, completed, or cut short): deletes the leads it
     * created that are still NEW and have no activities, forgets its row fingerprints so the file can be
     * imported again, and marks it ROLLED_BACK. Needs DELETE on leads.
     */
    public RollbackResult rollback(UUID runId) {
        if (active.contains(runId)) {
            throw new ConflictException("import.run.active", runId);
        }
        return tx.write(work -> {
            ImportRun run = loadRun(work, runId, Action.DELETE);
            if (run.getStatus() == ImportStatus.PREVIEW || run.getStatus() == ImportStatus.QUEUED
                    || run.getStatus() == ImportStatus.ROLLED_BACK) {
                throw new ConflictException("import.run.not-rollbackable", run.getStatus());
            }
            var em = work.em();
            List<UUID> created = em.createQuery("select k.leadId from ImportRowKey k where k.runId = :run"
                    + " and k.outcome = 'CREATED'", UUID.class).setParameter("run", runId).getResultList();
            List<UUID> untouched = created.isEmpty() ? List.of() : em.createQuery("select l.id from Lead l where l.id in :ids"
                            + " and l.status = dev.cartera.core.lead.LeadStatus.NEW and not exists (select a.id from Activity a"
                            + " where a.relatedType = :lead and a.relatedId = l.id)", UUID.class)
                    .setParameter("ids", created).setParameter("lead", RecordType.LEAD).getResultList();
            for (int from = 0; from < untouched.size(); from += 500) {
                List<UUID> batch = untouched.subList(from, Math.min(untouched.size(), from + 500));
                em.createQuery("delete from CustomFieldValue v where v.recordType = :lead and v.recordId in :ids"
                                + " and v.tenantId = :tenant")
                        .setParameter("lead", RecordType.LEAD).setParameter("ids", batch).setParameter("tenant", work.tenantId())
                        .executeUpdate();
                em.createQuery("delete from Lead l where l.id in :ids and l.tenantId = :tenant").setParameter("ids", batch)
                        .setParameter("tenant", work.tenantId()).executeUpdate();
                batch.forEach(id -> work.audit("DELETE", RecordType.LEAD, id, "import rollback " + runId));
            }
            em.createQuery("delete from ImportRowKey k where k.runId = :run and k.tenantId = :tenant").setParameter("run", runId)
                    .setParameter("tenant", work.tenantId()).executeUpdate();
            run.setStatus(ImportStatus.ROLLED_BACK);
            run.setFinishedAt(work.now());
            long kept = created.size() - untouched.size();
            work.audit("IMPORT_ROLLBACK", RecordType.LEAD, runId, untouched.size() + " deleted, " + kept + " kept");
            work.publish(new ImportEvents.ImportRolledBack(work.tenantId(), work.now(), work.username(), runId, untouched.size(), kept));
            return new RollbackResult(ImportRunView.of(work.flushed(run)), untouched.size(), kept);
        });
    }

    /**
     * Forgets previews nobody started within {@code olderThan}, with their staged files: a housekeeping
     * job for the host (as the tenant's system actor, or an admin). Returns how many went.
     */
    public int purgePreviews(Duration olderThan) {
        List<String> keys = tx.write(work -> {
            work.require(Action.DELETE, RecordType.LEAD);
            List<ImportRun> stale = work.em().createQuery("select r from ImportRun r where r.status = :preview"
                            + " and r.createdAt < :before", ImportRun.class)
                    .setParameter("preview", ImportStatus.PREVIEW).setParameter("before", work.now().minus(olderThan))
                    .getResultList();
            stale.forEach(work.em()::remove);
            return stale.stream().map(ImportRun::getFileKey).toList();
        });
        keys.forEach(this::discard);
        return keys.size();
    }

    /** Waits, polling, until the run has finished or the time is up; returns its last state. */
    public ImportRunView awaitFinished(UUID runId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ImportRunView view = status(runId);
        while (!view.finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return view;
            }
            view = status(runId);
        }
        return view;
    }

    public List<ImportRowErrorView> errors(UUID runId, PageRequest page) {
        return tx.read(work -> {
            loadRun(work, runId, Action.READ);
            return work.em().createQuery("select e from ImportRowError e where e.runId = :run order by e.lineNumber, e.columnIndex",
                            ImportRowError.class)
                    .setParameter("run", runId).setFirstResult(page.offset()).setMaxResults(page.size())
                    .getResultStream().map(ImportRowErrorView::of).toList();
        });
    }

    public byte[] errorsCsv(UUID runId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeErrorsCsv(runId, out);
        return out.toByteArray();
    }

    /**
     * The failed rows as a CSV to fix and import again: the original header and cells, then the line,
     * column and reason of each failure. UTF-8 with BOM and {@code ;}, as Spanish Excel opens it; every
     * cell that could start a formula is neutralised.
     */
    public void writeErrorsCsv(UUID runId, OutputStream out) {
        tx.read(work -> {
            ImportRun run = loadRun(work, runId, Action.READ);
            Map<Long, List<ImportRowError>> byLine = new LinkedHashMap<>();
            work.em().createQuery("select e from ImportRowError e where e.runId = :run order by e.lineNumber, e.columnIndex",
                            ImportRowError.class).setParameter("run", runId).getResultStream()
                    .forEach(e -> byLine.computeIfAbsent(e.getLineNumber(), l -> new ArrayList<>()).add(e));
            try {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write('\uFEFF');
                Iterator<Map.Entry<Long, List<ImportRowError>>> pending = byLine.entrySet().iterator();
                try (TableReader reader = TableReaders.open(() -> files.open(run.getFileKey()), shape(run), limits, run.getFilename())) {
                    SourceRow header = reader.next();
                    List<String> cells = new ArrayList<>(header == null ? List.of() : header.cells());
                    cells.addAll(List.of("error_linea", "error_columna", "error_motivo"));
                    csvLine(w, cells);
                    Map.Entry<Long, List<ImportRowError>> next = pending.hasNext() ? pending.next() : null;
                    SourceRow row;
                    while (next != null && (row = reader.next()) != null) {
                        if (row.line() == next.getKey()) {
                            List<String> line = new ArrayList<>(row.cells());
                            while (line.size() < (header == null ? 0 : header.cells().size())) {
                                line.add("");
                            }
                            line.addAll(describe(next.getValue()));
                            csvLine(w, line);
                            next = pending.hasNext() ? pending.next() : null;
                        }
                    }
                } catch (ImportFileException | IOException e) {
                    // The staged file is gone or unreadable: still hand over every failure, without the original cells.
                    csvLine(w, List.of("error_linea", "error_columna", "error_motivo"));
                    for (List<ImportRowError> errors : byLine.values()) {
                        csvLine(w, describe(errors));
                    }
                }
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** Saves (or replaces) a mapping under a name, keyed by the preview's header names, for the next file. */
    public ImportTemplateView saveTemplate(String name, UUID previewId, ColumnMapping mapping) {
        String templateName = Validator.trimToNull(name);
        if (templateName == null || templateName.length() > 120) {
            throw ValidationException.of("name", "validation.Size");
        }
        List<String> header = tx.read(work -> {
            ImportRun run = loadRun(work, previewId, Action.CREATE);
            try (TableReader reader = TableReaders.open(() -> files.open(run.getFileKey()), shape(run), limits, run.getFilename())) {
                SourceRow first = reader.next();
                return first == null ? List.<String>of() : first.cells();
            }
        });
        Map<String, String> targets = new TreeMap<>();
        mapping.targets().forEach((column, target) -> {
            if (column < header.size() && !HeaderMatcher.normalise(header.get(column)).isEmpty()) {
                targets.put(HeaderMatcher.normalise(header.get(column)), target);
            }
        });
        StringBuilder spec = new StringBuilder();
        targets.forEach((h, t) -> spec.append(h).append('\t').append(t).append('\n'));
        if (spec.length() > 8000) {
            throw ValidationException.of("mapping", "import.template.too-large");
        }
        return tx.write(work -> {
            work.require(Action.CREATE, RecordType.LEAD);
            List<ImportTemplate> existing = work.em().createQuery("select t from ImportTemplate t where t.name = :n", ImportTemplate.class)
                    .setParameter("n", templateName).getResultList();
            ImportTemplate template = existing.isEmpty() ? new ImportTemplate() : existing.get(0);
            template.setName(templateName);
            template.setMappingSpec(spec.toString());
            if (existing.isEmpty()) {
                work.em().persist(template);
            }
            work.audit("IMPORT_TEMPLATE", RecordType.LEAD, template.getId(), templateName);
            return new ImportTemplateView(template.getId(), templateName, targets);
        });
    }

    public List<ImportTemplateView> templates() {
        return tx.read(work -> {
            work.require(Action.READ, RecordType.LEAD);
            return work.em().createQuery("select t from ImportTemplate t order by t.name", ImportTemplate.class)
                    .getResultStream().map(t -> new ImportTemplateView(t.getId(), t.getName(), parseTemplate(t.getMappingSpec())))
                    .toList();
        });
    }

    /** Hands the run to the import executor once {@code work} has committed, as the user who started it. */
    private void submitAfterCommit(UnitOfWork work, ImportRun run) {
        UUID runId = run.getId();
        String tenant = work.tenantId();
        String username = run.getUsername();
        work.afterCommit(() -> executor.execute(() -> process(runId, tenant, username)));
    }

    /** The background part: reads the file from where the run stands and imports it chunk by chunk. */
    private void process(UUID runId, String tenant, String username) {
        if (!active.add(runId)) {
            return;
        }
        try {
            ImportRun snapshot = tx.asUser(tenant, username, work -> {
                ImportRun run = work.em().find(ImportRun.class, runId);
                if (run == null || (run.getStatus() != ImportStatus.QUEUED && run.getStatus() != ImportStatus.RUNNING)) {
                    return null;
                }
                run.setStatus(ImportStatus.RUNNING);
                return run;
            });
            if (snapshot == null) {
                return;
            }
            ColumnMapping mapping = ColumnMapping.parse(snapshot.getMappingSpec());
            try (TableReader reader = TableReaders.open(() -> files.open(snapshot.getFileKey()), shape(snapshot), limits,
                    snapshot.getFilename())) {
                SourceRow header = reader.next();
                if (header == null) {
                    throw new ImportFileException("import.file.empty");
                }
                RowMapper mapper = tx.asUser(tenant, username, work -> mapper(work, mapping, header.cells()));
                ChunkWriter writer = new ChunkWriter(runId, snapshot.getDuplicatePolicy(), leads);
                for (long skipped = 0; skipped < snapshot.getRowsRead(); skipped++) {
                    if (reader.next() == null) {
                        break;
                    }
                }
                // PostgreSQL only (see ChunkWriter.lookAhead): elsewhere no second thread or transaction at all.
                ExecutorService lookups = tx.asUser(tenant, username, writer::looksAhead)
                        ? Executors.newSingleThreadExecutor(task -> {
                            Thread t = new Thread(task, "cartera-import-lookup-" + runId);
                            t.setDaemon(true);
                            return t;
                        })
                        : null;
                try (ReadAhead ahead = new ReadAhead(reader, mapper, limits.chunkSize(), 2, "cartera-import-read-" + runId)) {
                    List<RowMapper.Mapped> chunk = ahead.next();
                    Future<ChunkWriter.Lookup> lookup = lookAhead(lookups, tenant, username, writer, chunk);
                    while (chunk != null) {
                        if (Thread.currentThread().isInterrupted()) {
                            // The host is shutting down: stop between chunks; the run stays RUNNING and can be resumed.
                            return;
                        }
                        ChunkWriter.Lookup found = lookedUp(lookup);
                        List<RowMapper.Mapped> next;
                        RuntimeException unreadable = null;
                        try {
                            next = ahead.next();
                        } catch (RuntimeException e) {
                            // The file fails further on: this chunk, read before, is still written, then the run fails.
                            next = null;
                            unreadable = e;
                        }
                        // Started now, after the chunks before this one committed: it runs while this one is written.
                        lookup = lookAhead(lookups, tenant, username, writer, next);
                        if (!writeChunk(tenant, username, writer, chunk, found)) {
                            return;
                        }
                        if (unreadable != null) {
                            throw unreadable;
                        }
                        chunk = next;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    if (lookups != null) {
                        // Not interrupted: a look-up in flight ends its short transaction; what it found is dropped.
                        lookups.shutdown();
                    }
                }
            }
            finish(tenant, username, runId, ImportStatus.COMPLETED, null);
        } catch (ImportFileException e) {
            finish(tenant, username, runId, ImportStatus.FAILED, e.code());
        } catch (RuntimeException e) {
            log.warn("Import run {} failed", runId, e);
            finish(tenant, username, runId, ImportStatus.FAILED, "import.failed");
        } finally {
            active.remove(runId);
        }
    }

    /** The next chunk's look-up, on the look-up thread in its own transaction; null at the end of the file. */
    private Future<ChunkWriter.Lookup> lookAhead(ExecutorService lookups, String tenant, String username, ChunkWriter writer,
            List<RowMapper.Mapped> chunk) {
        if (chunk == null || lookups == null) {
            return null;
        }
        Callable<ChunkWriter.Lookup> lookup = () -> tx.asUser(tenant, username, work -> writer.lookAhead(work, chunk));
        if (lookAheadFirst) {
            FutureTask<ChunkWriter.Lookup> done = new FutureTask<>(lookup);
            done.run();
            return done;
        }
        return lookups.submit(lookup);
    }

    void lookAheadFirst(boolean first) {
        this.lookAheadFirst = first;
    }

    /** What the look-ahead found, or null (the chunk then looks up in its own transaction) if it failed. */
    private static ChunkWriter.Lookup lookedUp(Future<ChunkWriter.Lookup> lookup) throws InterruptedException {
        try {
            return lookup == null ? null : lookup.get();
        } catch (ExecutionException e) {
            log.debug("Import look-ahead failed; the chunk looks up itself", e.getCause());
            return null;
        }
    }

    /** One chunk in one transaction, tried again when it clashed with a concurrent import; then row by row. */
    private boolean writeChunk(String tenant, String username, ChunkWriter writer, List<RowMapper.Mapped> chunk,
            ChunkWriter.Lookup found) {
        for (int attempt = 1; attempt <= CHUNK_ATTEMPTS; attempt++) {
            ChunkWriter.Lookup ahead = attempt == 1 ? found : null;
            try {
                ChunkWriter.Outcome outcome = tx.asUser(tenant, username, work -> writer.write(work, chunk, ahead));
                count(outcome);
                writer.committed();
                return !outcome.cancelled();
            } catch (CrmException e) {
                writer.failed();
                throw e;
            } catch (RuntimeException e) {
                writer.failed();
                meters.counter("cartera.import.chunks.retried").increment();
                log.debug("Import chunk attempt {} failed", attempt, e);
                pause(attempt);
            }
        }
        for (RowMapper.Mapped mapped : chunk) {
            SourceRow row = mapped.row();
            try {
                ChunkWriter.Outcome outcome = tx.asUser(tenant, username, work -> writer.write(work, List.of(mapped)));
                count(outcome);
                writer.failed(); // rows on their own: the next chunk looks up anew
                if (outcome.cancelled()) {
                    return false;
                }
            } catch (RuntimeException e) {
                log.debug("Import row at line {} failed on its own", row.line(), e);
                tx.asUser(tenant, username, work -> {
                    writer.fail(work, row, "import.row.not-saved");
                    return null;
                });
                meters.counter("cartera.import.rows", "outcome", "failed").increment();
            }
        }
        return true;
    }

    private void finish(String tenant, String username, UUID runId, ImportStatus status, String failure) {
        try {
            tx.asUser(tenant, username, work -> {
                ImportRun run = work.em().find(ImportRun.class, runId);
                if (run == null || run.getStatus() == ImportStatus.CANCELLED) {
                    return null;
                }
                run.setStatus(status);
                run.setFailureCode(failure);
                run.setFinishedAt(work.now());
                work.publish(new ImportEvents.ImportFinished(work.tenantId(), work.now(), work.username(), runId, status,
                        run.getRowsCreated(), run.getRowsUpdated(), run.getRowsSkipped(), run.getRowsFailed()));
                return null;
            });
        } catch (RuntimeException e) {
            // The starter may have been deactivated meanwhile; the run stays as it was and can be resumed by someone in scope.
            log.warn("Import run {} could not be marked {}", runId, status, e);
        }
    }

    private void count(ChunkWriter.Outcome o) {
        meters.counter("cartera.import.rows", "outcome", "created").increment(o.created());
        meters.counter("cartera.import.rows", "outcome", "updated").increment(o.updated());
        meters.counter("cartera.import.rows", "outcome", "skipped").increment(o.skipped());
        meters.counter("cartera.import.rows", "outcome", "failed").increment(o.failed());
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt + (long) (Math.random() * 30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RowMapper mapper(UnitOfWork work, ColumnMapping mapping, List<String> header) {
        Map<String, UUID> users = new HashMap<>();
        for (Object[] u : work.em().createQuery("select u.id, u.username, u.email from CrmUser u where u.active = true", Object[].class)
                .getResultList()) {
            users.put(Names.fold((String) u[1]), (UUID) u[0]);
            if (u[2] != null) {
                users.put(Names.fold((String) u[2]), (UUID) u[0]);
            }
        }
        return new RowMapper(mapping, header, customFields(work), ref -> Optional.ofNullable(users.get(Names.fold(ref))));
    }

    private static Map<String, CustomFieldType> customFields(UnitOfWork work) {
        Map<String, CustomFieldType> types = new HashMap<>();
        for (Object[] f : work.em().createQuery("select d.fieldKey, d.dataType from CustomFieldDefinition d"
                + " where d.recordType = :t and d.active = true", Object[].class).setParameter("t", RecordType.LEAD).getResultList()) {
            types.put((String) f[0], (CustomFieldType) f[1]);
        }
        return types;
    }

    private static Optional<Map<String, String>> template(UnitOfWork work, String name) {
        return work.em().createQuery("select t.mappingSpec from ImportTemplate t where t.name = :n", String.class)
                .setParameter("n", name.strip()).getResultStream().findFirst().map(ImportService::parseTemplate);
    }

    private static Map<String, String> parseTemplate(String spec) {
        Map<String, String> targets = new TreeMap<>();
        for (String line : spec == null ? new String[0] : spec.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                targets.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return targets;
    }

    private static ImportRun loadRun(UnitOfWork work, UUID id, Action action) {
        ImportRun run = work.load(ImportRun.class, RecordType.LEAD, id, action, ImportRun::getOwnerId);
        if (run == null) {
            throw new NotFoundException(RecordType.LEAD, id);
        }
        return run;
    }

    private static TableReaders.Shape shape(ImportRun run) {
        return new TableReaders.Shape(run.getFormat(), run.getEncoding(),
                run.getDelimiter() == null ? null : run.getDelimiter().charAt(0), run.getBomBytes(), run.isSepLine());
    }

    private static List<String> describe(List<ImportRowError> errors) {
        StringBuilder columns = new StringBuilder();
        StringBuilder reasons = new StringBuilder();
        for (ImportRowError e : errors) {
            if (columns.length() > 0) {
                columns.append(" | ");
                reasons.append(" | ");
            }
            columns.append(e.getColumnName() != null ? e.getColumnName() : e.getColumnIndex() >= 0 ? "#" + (e.getColumnIndex() + 1) : "");
            reasons.append(e.getReason());
            if (e.getCellValue() != null) {
                reasons.append(": ").append(e.getCellValue());
            }
        }
        return List.of(String.valueOf(errors.get(0).getLineNumber()), columns.toString(), reasons.toString());
    }

    private static void csvLine(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(';');
            }
            String cell = CsvCells.neutralise(cells.get(i));
            if (cell.indexOf(';') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                w.write('"');
                w.write(cell.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(cell);
            }
        }
        w.write("\r\n");
    }

    private record Staged(String sha256, long size) {
    }

    private Staged stage(InputStream in, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(files.create(key), sha)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > limits.maxBytes()) {
                        throw new ImportFileException("import.file.too-large", limits.maxBytes());
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new ImportFileException("import.file.empty");
            }
            return new Staged(HexFormat.of().formatHex(sha.digest()), size);
        } catch (IOException e) {
            throw new ImportFileException("import.file.unreadable", 0);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discard(String key) {
        try {
            files.delete(key);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not delete staged import file {}", key, e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
