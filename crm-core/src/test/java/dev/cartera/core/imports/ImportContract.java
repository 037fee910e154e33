package dev.cartera.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cartera.core.Cartera;
import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.account.ContactDraft;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.event.CrmEvent;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadEvents;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.testing.CrmFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Lead imports end to end, on each real database: files as firms have them, bad files, re-runs, concurrency, crashes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportContract {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HEADER = "Nombre;Apellidos;Empresa;Correo electrónico;Teléfono;NIF/CIF;Código postal;Nº empleados";

    private CrmFixture fx;
    private Cartera crm;
    private ExecutorService pool;
    private Path staging;
    private final AtomicReference<Consumer<CrmEvent>> hook = new AtomicReference<>(e -> { });
    private CrmFixture.Org org;
    private DataSource db;

    protected abstract DataSource dataSource();

    @BeforeAll
    void start() throws IOException {
        pool = Executors.newFixedThreadPool(4);
        staging = Files.createTempDirectory("cartera-imports-test");
        db = dataSource();
        fx = new CrmFixture(db, b -> b.importExecutor(pool)
                .importFileStore(ImportFileStore.directory(staging))
                .importLimits(ImportLimits.defaults().withChunkSize(3).withMaxBytes(25L * 1024 * 1024))
                .onEvent(e -> hook.get().accept(e)));
        crm = fx.cartera;
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
        fx.close();
    }

    @BeforeEach
    void freshTenant() {
        org = fx.organisation("i" + UUID.randomUUID().toString().substring(0, 8));
        as("rep");
    }

    @AfterEach
    void unhook() {
        hook.set(e -> { });
    }

    private void as(String user) {
        fx.session.as(org.tenant(), user);
    }

    private static byte[] cp1252(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(CP1252);
    }

    private ImportRunView run(byte[] file, String name, DuplicatePolicy policy) {
        ImportPreview preview = crm.imports().preview(new ByteArrayInputStream(file), name);
        ImportRunView started = crm.imports().start(preview.previewId(), preview.mapping(), policy);
        return crm.imports().awaitFinished(started.id(), WAIT);
    }

    /** Every lead of the tenant, read as the director; the caller stays who it was. */
    private List<LeadView> leads() {
        return fx.session.call(org.tenant(), "director", () -> crm.leads().search(LeadQuery.all(), PageRequest.first(200)).items());
    }

    private static String validRow(int i) {
        return "Ana" + i + ";García;Frutas " + i + " S.L.;ana" + i + "@frutas.es;6" + String.format("%08d", i) + ";;28001;1.200";
    }

    @Test
    void importsASpanishExcelFileAndReportsEachBadRowByLineColumnAndReason() {
        byte[] file = cp1252(HEADER,
                "José;Núñez Peña;\"Peña; Hijos, S.L.\";jose@pena.es;612 34 56 78;es b-58378431;8001;1.200",
                "Núria;Olivé;Cal Olivé;nuria@olive.cat;;;08002;",
                "=HYPERLINK(\"http://evil\");Mal;Evil SL;no-es-un-correo;;;;",
                "Pedro;Ruiz;;pedro@ruiz.es;;12345678A;;",
                ";;;solo@correo.es;;;;",
                "Luis;Gil;Gil e Hijos;luis@gil.es;;;;muchos",
                "Marta;\"Sanz\nLópez\";Sanz SL;marta@sanz.es;;;;3");
        ImportPreview preview = crm.imports().preview(new ByteArrayInputStream(file), "clientes.csv");
        assertThat(preview.encoding()).isEqualTo("windows-1252");
        assertThat(preview.delimiter()).isEqualTo(";");
        assertThat(preview.header()).containsExactly(HEADER.split(";"));
        assertThat(preview.rows().get(0)).containsExactly("José", "Núñez Peña", "Peña; Hijos, S.L.", "jose@pena.es",
                "612 34 56 78", "es b-58378431", "8001", "1.200");
        assertThat(preview.mapping().targets()).containsEntry(2, "companyName").containsEntry(5, "taxId").containsEntry(7, "companySize");
        assertThat(preview.checks().get(0).values()).containsEntry("phone", "+34612345678").containsEntry("taxId", "B58378431")
                .containsEntry("postcode", "08001").containsEntry("companySize", "1200");
        assertThat(preview.checks()).extracting(RowCheck::valid).containsExactly(true, true, false, false, false, false, true);
        assertThat(leads()).isEmpty();

        ImportRunView done = crm.imports().awaitFinished(
                crm.imports().start(preview.previewId(), preview.mapping(), DuplicatePolicy.SKIP).id(), WAIT);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.rowsRead()).isEqualTo(7);
        assertThat(done.rowsCreated()).isEqualTo(3);
        assertThat(done.rowsFailed()).isEqualTo(4);
        assertThat(leads()).extracting(LeadView::email).containsExactlyInAnyOrder("jose@pena.es", "nuria@olive.cat", "marta@sanz.es");
        assertThat(leads()).allSatisfy(l -> assertThat(l.ownerId()).isEqualTo(org.rep()));
        assertThat(leads()).filteredOn(l -> l.email().startsWith("marta")).extracting(LeadView::lastName).containsExactly("Sanz\nLópez");
        assertThat(crm.imports().errors(done.id(), PageRequest.first(50)))
                .extracting(ImportRowErrorView::line, ImportRowErrorView::columnName, ImportRowErrorView::reason)
                .containsExactly(
                        tuple(4L, "Correo electrónico", "validation.Email"),
                        tuple(5L, "NIF/CIF", "taxid.check-letter"),
                        tuple(6L, null, "lead.name.required"),
                        tuple(7L, "Nº empleados", "import.value.not-a-whole-number"));
        assertThat(fx.events).filteredOn(LeadEvents.LeadCreated.class::isInstance).hasSizeGreaterThanOrEqualTo(3);
        assertThat(fx.events).filteredOn(ImportEvents.ImportFinished.class::isInstance).isNotEmpty();
    }

    @Test
    void anImportedLeadIsStoredAuditedAndAnnouncedAsOneCreatedByHand() throws Exception {
        LeadDraft draft = new LeadDraft("José", "Núñez Peña", "Peña; Hijos, S.L.", null, "jose@pena.es", "612 34 56 78",
                "ES B-58378431", "feria", null, null, null, "Sant Cugat del Vallès", "08001", "Barcelona", null, null, 1200,
                null, "Llamar \\ preguntar por \"el jefe\"\nantes de las 10");
        LeadView byHand = crm.leads().create(draft);
        CrmFixture.Org other = fx.organisation("h" + UUID.randomUUID().toString().substring(0, 8));
        fx.session.as(other.tenant(), "rep");
        fx.events.clear();
        ImportRunView done = run(cp1252("Nombre;Apellidos;Empresa;Correo electrónico;Teléfono;NIF/CIF;Origen;Población;Código postal;"
                        + "Provincia;Nº empleados;Observaciones",
                "José;Núñez Peña;\"Peña; Hijos, S.L.\";jose@pena.es;612 34 56 78;ES B-58378431;feria;Sant Cugat del Vallès;"
                        + "08001;Barcelona;1.200;\"Llamar \\ preguntar por \"\"el jefe\"\"\nantes de las 10\""), "a.csv", DuplicatePolicy.SKIP);
        assertThat(done.rowsCreated()).isEqualTo(1);
        LeadView imported = crm.leads().search(LeadQuery.all(), PageRequest.first(10)).items().get(0);

        assertThat(imported).usingRecursiveComparison().ignoringFields("id", "ownerId").isEqualTo(byHand);
        assertThat(imported.ownerId()).isEqualTo(other.rep());
        assertThat(audit(imported.id())).containsExactly(List.of("CREATE", "LEAD", "rep", "feria"));
        assertThat(fx.events).filteredOn(LeadEvents.LeadCreated.class::isInstance).map(LeadEvents.LeadCreated.class::cast)
                .singleElement().satisfies(e -> {
                    assertThat(e.leadId()).isEqualTo(imported.id());
                    assertThat(e.tenantId()).isEqualTo(other.tenant());
                    assertThat(e.ownerId()).isEqualTo(other.rep());
                    assertThat(e.source()).isEqualTo("feria");
                });
    }

    @Test
    void anotherTenantsImportsAndContactsAreNeitherReRunsNorDuplicates() {
        byte[] file = cp1252(HEADER, validRow(7), validRow(8));
        CrmFixture.Org other = fx.organisation("x" + UUID.randomUUID().toString().substring(0, 8));
        fx.session.as(other.tenant(), "director");
        var account = crm.accounts().create(AccountDraft.company("Frutas 7 SL"));
        crm.contacts().create(new ContactDraft(account.id(), "Ana", "García", null, "ana7@frutas.es", null, null, null, null, null));
        assertThat(run(file, "a.csv", DuplicatePolicy.SKIP).rowsCreated()).isEqualTo(1);

        as("rep");
        ImportRunView mine = run(file, "a.csv", DuplicatePolicy.SKIP);

        assertThat(List.of(mine.rowsCreated(), mine.rowsSkipped())).containsExactly(2L, 0L);
        assertThat(leads()).extracting(LeadView::email).containsExactlyInAnyOrder("ana7@frutas.es", "ana8@frutas.es");
    }

    @Test
    void theBulkWriterKnowsEveryColumnOfTheLeadTable() throws Exception {
        try (var c = db.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select lower(column_name) from information_schema.columns where lower(table_name) = 'crm_lead'")) {
            List<String> columns = new ArrayList<>();
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
            assertThat(columns).as("a new column of crm_lead must be written by LeadRows too")
                    .containsExactlyInAnyOrderElementsOf(dev.cartera.core.lead.internal.LeadRows.LEAD_COLUMNS);
        }
    }

    private List<List<String>> audit(UUID recordId) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (var c = db.getConnection();
                var ps = c.prepareStatement("select action, record_type, username, details from crm_audit where record_id = ?")) {
            ps.setObject(1, recordId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    @Test
    void theErrorsCsvCarriesTheFailedRowsWithFormulasNeutralised() throws IOException {
        byte[] file = cp1252(HEADER,
                "=cmd|' /C calc'!A0;Mal;Evil SL;@no-es-correo;;;;",
                "+SUM(1,2);-2+3;Otra;mal@;;;;",
                validRow(1));
        ImportRunView done = run(file, "malicioso.csv", DuplicatePolicy.SKIP);
        assertThat(done.rowsFailed()).isEqualTo(2);
        String csv = new String(crm.imports().errorsCsv(done.id()), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setDelimiter(';').get().parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(0).toList()).endsWith("error_linea", "error_columna", "error_motivo");
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
            }
        }
        assertThat(records.get(1).get(0)).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(records.get(1).toList()).contains("2", "Correo electrónico");
        assertThat(records.get(2).get(1)).isEqualTo("'-2+3");
    }

    @Test
    void aRunStartedInsideTheCallersOwnTransactionIsImportedOnceThatCommits() {
        byte[] file = cp1252(HEADER, validRow(1), validRow(2));
        ImportPreview preview = crm.imports().preview(new ByteArrayInputStream(file), "en-transaccion.csv");
        // The host's transaction stays open a while after start: the worker must not read the run before it commits.
        ImportRunView started = crm.asSystem(org.tenant(), c -> {
            ImportRunView view = c.imports().start(preview.previewId(), preview.mapping(), DuplicatePolicy.SKIP);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return view;
        });

        ImportRunView done = crm.imports().awaitFinished(started.id(), Duration.ofSeconds(20));
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.rowsCreated()).isEqualTo(2);
    }

    @Test
    void reRunningTheSameFileChangesNothing() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        IntStream.rangeClosed(1, 10).mapToObj(ImportContract::validRow).forEach(lines::add);
        byte[] file = cp1252(lines.toArray(String[]::new));
        ImportRunView first = run(file, "leads.csv", DuplicatePolicy.UPDATE);
        assertThat(first.rowsCreated()).isEqualTo(10);
        List<LeadView> before = leads();

        ImportRunView again = run(file, "leads (copia).csv", DuplicatePolicy.UPDATE);
        ImportRunView createAnyway = run(file, "leads.csv", DuplicatePolicy.CREATE);

        assertThat(again.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(again.rowsCreated() + again.rowsUpdated()).isZero();
        assertThat(again.rowsSkipped()).isEqualTo(10);
        assertThat(createAnyway.rowsCreated()).isZero();
        assertThat(leads()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void rowsRepeatingEarlierRowsOfTheSameFileAreFoundAcrossChunks() {
        // Chunks of three rows: each row below repeats a row of an earlier chunk (or of its own), by e-mail, tax id,
        // phone or as an exact copy. On PostgreSQL a chunk's look-up runs while the chunk before is being written; here
        // it runs before, so the rows of the chunk before come from the writer's memory, never from the database.
        crm.imports().lookAheadFirst(true);
        double retriedBefore = crm.meterRegistry().counter("cartera.import.chunks.retried").count();
        byte[] file = cp1252(HEADER,
                "Ana;García;;ana@uno.es;600000001;12345678Z;;", "Luis;Pérez;;luis@uno.es;600000002;;;", "Marta;Ruiz;;marta@uno.es;600000003;;;",
                "Ana;Bis;;ANA@uno.es;;;;", "Pedro;Sanz;;;;12345678-z;;", "Luis;Pérez;;luis@uno.es;600000002;;;",
                "Otra;Marta;;;600 000 003;;;", "Nuevo;Uno;;nuevo@uno.es;;;;", "Nuevo;Uno;;nuevo@uno.es;;;;",
                "Nuevo;Dos;;nuevo@uno.es;;;;");

        ImportRunView skip = run(file, "a.csv", DuplicatePolicy.SKIP);
        assertThat(List.of(skip.rowsCreated(), skip.rowsSkipped(), skip.rowsFailed())).containsExactly(4L, 6L, 0L);
        assertThat(leads()).extracting(LeadView::firstName).containsExactlyInAnyOrder("Ana", "Luis", "Marta", "Nuevo");

        freshTenant();
        ImportRunView create = run(file, "a.csv", DuplicatePolicy.CREATE);
        // Creating anyway still never imports the same row twice.
        assertThat(List.of(create.rowsCreated(), create.rowsSkipped(), create.rowsFailed())).containsExactly(8L, 2L, 0L);
        // Found at once, not by a chunk failing on a unique row key and being tried again.
        assertThat(crm.meterRegistry().counter("cartera.import.chunks.retried").count()).isEqualTo(retriedBefore);
        crm.imports().lookAheadFirst(false);
    }

    @Test
    void followsTheDuplicatePolicyForRecordsThatAlreadyExist() {
        LeadView existing = crm.leads().create(LeadDraft.of("Ana", "García", null, "ana@frutas.es", null, "web"));
        as("director");
        var account = crm.accounts().create(AccountDraft.company("Cliente SA"));
        crm.contacts().create(new ContactDraft(account.id(), "Eva", "Cliente", null, "eva@cliente.es", null, null, null, null, null));
        as("rep");
        byte[] file = cp1252(HEADER, "Ana;García;Frutas García SL;ANA@frutas.es;;;;", "Eva;Cliente;;eva@cliente.es;;;;",
                "Nuevo;Lead;;nuevo@lead.es;;;;");

        ImportRunView skip = run(file, "a.csv", DuplicatePolicy.SKIP);
        assertThat(List.of(skip.rowsCreated(), skip.rowsUpdated(), skip.rowsSkipped())).containsExactly(1L, 0L, 2L);
        assertThat(crm.leads().get(existing.id()).companyName()).isNull();

        byte[] changed = cp1252(HEADER, "Ana;García;Frutas García SL;ana@frutas.es;600000001;;;", "Eva;Cliente;X;eva@cliente.es;;;;");
        ImportRunView update = run(changed, "b.csv", DuplicatePolicy.UPDATE);
        assertThat(List.of(update.rowsCreated(), update.rowsUpdated(), update.rowsSkipped())).containsExactly(0L, 1L, 1L);
        LeadView updated = crm.leads().get(existing.id());
        assertThat(updated.companyName()).isEqualTo("Frutas García SL");
        assertThat(updated.phone()).isEqualTo("+34600000001");
        assertThat(updated.source()).isEqualTo("web");

        byte[] third = cp1252(HEADER, "Ana;García;Frutas García SL;ana@frutas.es;600000002;;;");
        ImportRunView create = run(third, "c.csv", DuplicatePolicy.CREATE);
        assertThat(create.rowsCreated()).isEqualTo(1);
        assertThat(leads()).filteredOn(l -> "ana@frutas.es".equals(l.email())).hasSize(2);
    }

    @Test
    void twoUsersImportingOverlappingFilesAtOnceCreateNoDuplicates() {
        List<String> a = new ArrayList<>(List.of(HEADER));
        List<String> b = new ArrayList<>(List.of(HEADER));
        IntStream.rangeClosed(1, 30).mapToObj(ImportContract::validRow).forEach(a::add);
        IntStream.rangeClosed(16, 45).mapToObj(i -> validRow(i).replace("García", "Garcia Ruiz")).forEach(b::add);
        Collections.reverse(b.subList(1, b.size()));
        as("rep");
        ImportPreview pa = crm.imports().preview(new ByteArrayInputStream(cp1252(a.toArray(String[]::new))), "a.csv");
        ImportPreview pSame = crm.imports().preview(new ByteArrayInputStream(cp1252(a.toArray(String[]::new))), "a.csv");
        as("rep2");
        ImportPreview pb = crm.imports().preview(new ByteArrayInputStream(cp1252(b.toArray(String[]::new))), "b.csv");
        ImportPreview pSame2 = crm.imports().preview(new ByteArrayInputStream(cp1252(a.toArray(String[]::new))), "a.csv");

        // start() only queues; the four runs then go on at the same time on the pool's four threads.
        as("rep");
        UUID r1 = crm.imports().start(pa.previewId(), pa.mapping(), DuplicatePolicy.SKIP).id();
        UUID r2 = crm.imports().start(pSame.previewId(), pSame.mapping(), DuplicatePolicy.SKIP).id();
        as("rep2");
        UUID r3 = crm.imports().start(pb.previewId(), pb.mapping(), DuplicatePolicy.SKIP).id();
        UUID r4 = crm.imports().start(pSame2.previewId(), pSame2.mapping(), DuplicatePolicy.SKIP).id();
        as("director");
        List<ImportRunView> finished = List.of(r1, r2, r3, r4).stream().map(id -> crm.imports().awaitFinished(id, WAIT)).toList();

        assertThat(finished).extracting(ImportRunView::status).containsOnly(ImportStatus.COMPLETED);
        assertThat(finished.stream().mapToLong(ImportRunView::rowsCreated).sum()).isEqualTo(45);
        List<LeadView> leads = leads();
        assertThat(leads).hasSize(45);
        assertThat(leads.stream().map(LeadView::email).distinct()).hasSize(45);
    }

    @Test
    void aCrashedRunResumesFromItsLastCommittedChunkAndACancelledOneToo() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        IntStream.rangeClosed(1, 12).mapToObj(ImportContract::validRow).forEach(lines::add);
        byte[] file = cp1252(lines.toArray(String[]::new));
        AtomicBoolean crashed = new AtomicBoolean();
        // The node "dies" right after its first chunk commits: the worker stops as on shutdown, leaving the run RUNNING.
        hook.set(e -> {
            if (e instanceof LeadEvents.LeadCreated && Thread.currentThread().getName().startsWith("pool") && crashed.compareAndSet(false, true)) {
                Thread.currentThread().interrupt();
            }
        });
        ImportPreview preview = crm.imports().preview(new ByteArrayInputStream(file), "grande.csv");
        UUID runId = crm.imports().start(preview.previewId(), preview.mapping(), DuplicatePolicy.SKIP).id();
        ImportRunView afterCrash = resumeWhenIdle(runId, crashed::get);
        assertThat(afterCrash.rowsRead()).isEqualTo(3);
        ImportRunView resumed = crm.imports().awaitFinished(runId, WAIT);
        assertThat(resumed.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(resumed.rowsRead()).isEqualTo(12);
        assertThat(resumed.rowsCreated()).isEqualTo(12);
        assertThat(leads()).hasSize(12);

        List<String> more = new ArrayList<>(List.of(HEADER));
        IntStream.rangeClosed(101, 112).mapToObj(ImportContract::validRow).forEach(more::add);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<UUID> second = new AtomicReference<>();
        hook.set(e -> {
            if (e instanceof LeadEvents.LeadCreated && second.get() != null && cancelled.compareAndSet(false, true)) {
                fx.session.call(org.tenant(), "rep", () -> crm.imports().cancel(second.get()));
            }
        });
        ImportPreview p2 = crm.imports().preview(new ByteArrayInputStream(cp1252(more.toArray(String[]::new))), "otro.csv");
        second.set(p2.previewId());
        crm.imports().start(p2.previewId(), p2.mapping(), DuplicatePolicy.SKIP);
        ImportRunView stopped = crm.imports().awaitFinished(p2.previewId(), WAIT);
        assertThat(stopped.status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(stopped.rowsRead()).isLessThan(12).isEqualTo(stopped.rowsCreated()).isNotZero();
        ImportRunView finished = crm.imports().awaitFinished(resumeWhenIdle(p2.previewId(), () -> true).id(), WAIT);
        assertThat(finished.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(finished.rowsCreated()).isEqualTo(12);
        assertThat(leads()).hasSize(24);
        assertThatThrownBy(() -> crm.imports().resume(runId)).isInstanceOf(ConflictException.class);
    }

    /** Resumes once {@code ready} holds and the previous worker has let go of the run; returns the state it resumed from. */
    private ImportRunView resumeWhenIdle(UUID runId, java.util.function.BooleanSupplier ready) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!ready.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        while (true) {
            try {
                ImportRunView status = crm.imports().status(runId);
                crm.imports().resume(runId);
                return status;
            } catch (ConflictException e) {
                if (System.nanoTime() > deadline || !e.code().equals("import.run.active")) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void aFileThatTurnsUnreadableFurtherOnKeepsTheRowsReadBeforeAndFails() {
        // The preview reads the first 20 rows; the cell too long is on line 32, in the eleventh chunk of three rows.
        List<String> lines = new ArrayList<>(List.of(HEADER));
        IntStream.rangeClosed(1, 30).mapToObj(ImportContract::validRow).forEach(lines::add);
        lines.add("Largo;Campo;" + "x".repeat(40_000) + ";largo@campo.es;;;;");
        lines.add(validRow(31));

        ImportRunView run = run(cp1252(lines.toArray(String[]::new)), "largo.csv", DuplicatePolicy.SKIP);

        assertThat(run.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(run.failureCode()).isEqualTo("import.file.field-too-long");
        assertThat(run.rowsCreated()).isEqualTo(30);
        assertThat(leads()).hasSize(30);
    }

    @Test
    void badFilesGiveAClearErrorAndImportNothing() {
        byte[] junk = new byte[8192];
        new java.util.Random(42).nextBytes(junk);
        byte[] hugeField = new byte[20 * 1024 * 1024 + 16];
        Arrays.fill(hugeField, (byte) 'a');
        System.arraycopy("Nombre\r\n\"".getBytes(StandardCharsets.US_ASCII), 0, hugeField, 0, 9);
        String wide = String.join(";", Collections.nCopies(1000, "Columna")) + "\r\n" + String.join(";", Collections.nCopies(1000, "x"));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("vacio.csv", new byte[0]);
        files.put("cabecera.csv", cp1252(HEADER));
        files.put("basura.csv", junk);
        files.put("falso.xlsx", zipOf("docs/readme.txt", "no soy un Excel"));
        files.put("campo-enorme.csv", hugeField);
        files.put("ancho.csv", wide.getBytes(StandardCharsets.UTF_8));
        files.put("utf16-sin-bom.csv", "Nombre;Correo\r\nAna;a@b.es\r\n".getBytes(StandardCharsets.UTF_16LE));
        Map<String, String> expected = Map.of("vacio.csv", "import.file.empty", "cabecera.csv", "import.file.header-only",
                "basura.csv", "import.file.not-text", "falso.xlsx", "import.file.invalid-xlsx",
                "campo-enorme.csv", "import.file.field-too-long", "ancho.csv", "import.file.too-many-columns",
                "utf16-sin-bom.csv", "import.file.not-text");
        files.forEach((name, bytes) -> assertThatThrownBy(() -> crm.imports().preview(new ByteArrayInputStream(bytes), name))
                .as(name).isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.code()).isEqualTo(expected.get(name))));
        assertThat(leads()).isEmpty();
        assertThat(crm.imports().runs(PageRequest.first(10))).isEmpty();
        try (var staged = Files.list(staging)) {
            assertThat(staged.map(p -> p.getFileName().toString()).filter(n -> files.keySet().stream().anyMatch(n::equals))).isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importsAnXlsxAndReusesASavedTemplate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet();
            String[][] cells = {{"Cliente", "Contacto", "Mail", "Zona"}, {"Bar Vidal, S.L.", "Joan Vidal", "joan@barvidal.cat", "Girona"},
                    {"Forn Pujol", "Pujol, Marta", "marta@fornpujol.cat", "Lleida"}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            wb.write(out);
        }
        ImportPreview preview = crm.imports().preview(new ByteArrayInputStream(out.toByteArray()), "clientes.xlsx");
        assertThat(preview.format()).isEqualTo(FileFormat.XLSX);
        assertThat(preview.mapping().targets()).containsEntry(0, "companyName").containsEntry(1, "fullName").containsEntry(2, "email");
        ColumnMapping corrected = preview.mapping().with(3, "province");
        crm.imports().saveTemplate("Clientes de la feria", preview.previewId(), corrected);
        ImportRunView done = crm.imports().awaitFinished(crm.imports().start(preview.previewId(), corrected, DuplicatePolicy.SKIP).id(), WAIT);
        assertThat(done.rowsCreated()).isEqualTo(2);
        assertThat(leads()).extracting(LeadView::firstName, LeadView::lastName, LeadView::province)
                .containsExactlyInAnyOrder(tuple("Joan", "Vidal", "Girona"),
                        tuple("Marta", "Pujol", "Lleida"));

        ImportPreview next = crm.imports().preview(new ByteArrayInputStream(cp1252("Zona;Cliente;Mail", "Huesca;Bar Jaca;bar@jaca.es")),
                "otra.csv", PreviewOptions.template("Clientes de la feria"));
        assertThat(next.columns()).extracting(ColumnProposal::target).containsExactly("province", "companyName", "email");
        assertThat(next.columns()).extracting(ColumnProposal::matchedBy).containsOnly("template");
        assertThat(crm.imports().templates()).extracting(ImportTemplateView::name).containsExactly("Clientes de la feria");
    }

    @Test
    void reviewsAStagedPreviewWithACorrectedMappingOrATemplateAndKeepsTheChoice() {
        ImportPreview preview = crm.imports().preview(new ByteArrayInputStream(cp1252("Cliente;Mail;Zona", "Bar Jaca;no-es-email;Huesca")),
                "feria.csv");
        assertThat(preview.checks().get(0).valid()).isFalse();

        ColumnMapping corrected = new ColumnMapping(java.util.Map.of(0, "companyName", 2, "province"));
        ImportPreview reviewed = crm.imports().review(preview.previewId(), null, corrected);
        assertThat(reviewed.rows()).isEqualTo(preview.rows());
        assertThat(reviewed.header()).containsExactly("Cliente", "Mail", "Zona");
        assertThat(reviewed.checks().get(0).valid()).isTrue();
        assertThat(reviewed.checks().get(0).values()).containsEntry("province", "Huesca");
        assertThat(crm.imports().review(preview.previewId(), null, null).mapping()).isEqualTo(corrected);

        crm.imports().saveTemplate("Sin correo", preview.previewId(), new ColumnMapping(java.util.Map.of(0, "companyName", 2, "notes")));
        assertThat(crm.imports().review(preview.previewId(), "Sin correo", null).mapping().targets())
                .containsEntry(0, "companyName").containsEntry(2, "notes");

        ImportRunView done = crm.imports().awaitFinished(crm.imports().start(preview.previewId(), null, DuplicatePolicy.SKIP).id(), WAIT);
        // The last reviewed mapping (the template's, which also maps "Mail" to email by name) is the one imported.
        assertThat(done.rowsFailed()).isEqualTo(1);
        assertThat(done.rowsCreated()).isZero();
        assertThatThrownBy(() -> crm.imports().review(preview.previewId(), null, null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRunBelongsToItsTenantAndIsSeenWithinItsStartersScope() {
        ImportRunView done = run(cp1252(HEADER, validRow(1)), "a.csv", DuplicatePolicy.SKIP);
        as("rep2");
        assertThatThrownBy(() -> crm.imports().status(done.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.imports().errorsCsv(done.id())).isInstanceOf(NotFoundException.class);
        as("manager");
        assertThat(crm.imports().status(done.id()).rowsCreated()).isEqualTo(1);
        CrmFixture.Org other = fx.organisation("o" + UUID.randomUUID().toString().substring(0, 8));
        fx.session.as(other.tenant(), "director");
        assertThatThrownBy(() -> crm.imports().status(done.id())).isInstanceOf(NotFoundException.class);
        assertThat(crm.leads().search(LeadQuery.all(), PageRequest.first(10)).total()).isZero();
        as("rep");
        assertThatThrownBy(() -> crm.imports().start(done.id(), null, DuplicatePolicy.SKIP)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRunIsRolledBackKeepingWorkedLeadsAndTheFileImportsAgain() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        IntStream.rangeClosed(1, 5).mapToObj(ImportContract::validRow).forEach(lines::add);
        byte[] file = cp1252(lines.toArray(String[]::new));
        ImportRunView done = run(file, "a.csv", DuplicatePolicy.SKIP);
        LeadView worked = leads().stream().filter(l -> "ana1@frutas.es".equals(l.email())).findFirst().orElseThrow();
        crm.leads().changeStatus(worked.id(), null, dev.cartera.core.lead.LeadStatus.CONTACTED, null);
        assertThatThrownBy(() -> crm.imports().rollback(done.id())).isInstanceOf(dev.cartera.core.access.AccessDeniedException.class);

        as("manager");
        RollbackResult rolledBack = crm.imports().rollback(done.id());
        assertThat(rolledBack.deleted()).isEqualTo(4);
        assertThat(rolledBack.kept()).isEqualTo(1);
        assertThat(rolledBack.run().status()).isEqualTo(ImportStatus.ROLLED_BACK);
        assertThat(leads()).extracting(LeadView::id).containsExactly(worked.id());
        assertThatThrownBy(() -> crm.imports().rollback(done.id())).isInstanceOf(ConflictException.class);

        as("rep");
        ImportRunView again = run(file, "a.csv", DuplicatePolicy.SKIP);
        assertThat(again.rowsCreated()).isEqualTo(4);
        assertThat(again.rowsSkipped()).isEqualTo(1);
        assertThat(leads()).hasSize(5);
    }

    @Test
    void previewsNobodyStartedArePurgedWithTheirFiles() throws IOException {
        ImportPreview stale = crm.imports().preview(new ByteArrayInputStream(cp1252(HEADER, validRow(1))), "a.csv");
        fx.clock.advanceDays(2);
        ImportPreview fresh = crm.imports().preview(new ByteArrayInputStream(cp1252(HEADER, validRow(2))), "b.csv");
        int purged = crm.asSystem(org.tenant(), c -> c.imports().purgePreviews(Duration.ofDays(1)));
        fx.clock.set(java.time.Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(purged).isEqualTo(1);
        assertThat(Files.exists(staging.resolve(stale.previewId() + ".upload"))).isFalse();
        assertThat(Files.exists(staging.resolve(fresh.previewId() + ".upload"))).isTrue();
        assertThatThrownBy(() -> crm.imports().start(stale.previewId(), stale.mapping(), DuplicatePolicy.SKIP))
                .isInstanceOf(NotFoundException.class);
        assertThat(crm.imports().awaitFinished(crm.imports().start(fresh.previewId(), fresh.mapping(), DuplicatePolicy.SKIP).id(), WAIT)
                .rowsCreated()).isEqualTo(1);
    }

    private static byte[] zipOf(String name, String content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
