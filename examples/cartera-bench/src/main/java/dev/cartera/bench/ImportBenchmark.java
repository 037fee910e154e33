package dev.cartera.bench;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.Role;
import dev.cartera.core.dedupe.DuplicateCheck;
import dev.cartera.core.dedupe.Names;
import dev.cartera.core.dedupe.TaxId;
import dev.cartera.core.imports.DuplicatePolicy;
import dev.cartera.core.imports.ImportFileStore;
import dev.cartera.core.imports.ImportLimits;
import dev.cartera.core.imports.ImportPreview;
import dev.cartera.core.imports.ImportRunView;
import dev.cartera.core.team.UserDraft;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Imports N generated Spanish-CSV lead rows (Windows-1252, {@code ;}, decimal comma) into an embedded
 * PostgreSQL through Cartera's import — duplicate check against M existing contacts, owner taken from
 * a column — and then COPYs the same file into a plain table, and prints both. Usage:
 * {@code ImportBenchmark [rows=100000] [contacts=200000] [chunk size=5000] [warm-up rows=0]}.
 */
public final class ImportBenchmark {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String TENANT = "bench";
    private static final String[] FIRST = {"José", "María", "Núria", "Íñigo", "Àlex", "Lucía", "Jordi", "Begoña", "Raúl", "Sofía"};
    private static final String[] LAST = {"García", "Martínez", "Peña", "Muñoz", "Castellví", "Ibáñez", "Sánchez", "Olivé"};
    private static final String[] TRADE = {"Frutas", "Talleres", "Construcciones", "Panadería", "Distribuciones", "Farmacia"};
    private static final String[] FORM = {"S.L.", "S.A.", "SLU", "S.Coop.", "C.B.", ""};
    private static final String[] CITY = {"Madrid;Madrid", "Barcelona;Barcelona", "Valencia;Valencia", "Sevilla;Sevilla", "Bilbao;Bizkaia"};

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int contacts = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        ImportLimits limits = args.length > 2 && !args[2].isBlank() ? ImportLimits.defaults().withChunkSize(Integer.parseInt(args[2]))
                : ImportLimits.defaults();
        Path work = Files.createTempDirectory("cartera-bench");
        Path file = work.resolve("leads.csv");
        // The server as the embedded default; settings to look inside with -Dpg.<name>=<value> (e.g. -Dpg.log_min_duration_statement=0).
        EmbeddedPostgres.Builder server = ServerSettings.fromSystemProperties(EmbeddedPostgres.builder());
        try (EmbeddedPostgres pg = server.start()) {
            // A host pools its connections: without a pool every chunk's transaction would start a PostgreSQL backend.
            HikariConfig poolConfig = new HikariConfig();
            poolConfig.setDataSource(pg.getDatabase("postgres", "postgres", Map.of("reWriteBatchedInserts", "true")));
            poolConfig.setMaximumPoolSize(4);
            String[] user = {null};
            String[] tenant = {TENANT};
            try (HikariDataSource ds = new HikariDataSource(poolConfig);
                    Cartera crm = Cartera.builder().dataSource(ds)
                    .currentUser(() -> Optional.ofNullable(user[0]))
                    .tenantResolver(() -> tenant[0])
                    .duplicateCheck(DuplicateCheck.OFF)
                    .importExecutor(Runnable::run)
                    .importFileStore(ImportFileStore.directory(work.resolve("staging")))
                    .importLimits(limits)
                    .build()) {
                crm.asSystem(TENANT, c -> {
                    c.users().create(new UserDraft("admin", "Admin", "admin@bench.es", Role.ADMIN, null, null, "es"));
                    for (int r = 0; r < 5; r++) {
                        c.users().create(new UserDraft("rep" + r, "Rep " + r, "rep" + r + "@bench.es", Role.SALES_REP, null, null, "es"));
                    }
                    return null;
                });
                long t0 = System.nanoTime();
                seedContacts(ds, contacts);
                System.out.printf("seeded %,d contacts by COPY in %.1f s%n", contacts, seconds(t0));
                writeLeads(file, rows, contacts);
                System.out.printf("lead file: %,d rows, %.1f MB (Windows-1252, ';')%n", rows, Files.size(file) / 1e6);

                if (warmup > 0) {
                    // A server's JVM has compiled its hot code long before an import; a fresh one compiles it during the run.
                    Path warm = work.resolve("warmup.csv");
                    writeLeads(warm, warmup, contacts);
                    tenant[0] = "warmup";
                    crm.asSystem("warmup", c -> {
                        c.users().create(new UserDraft("admin", "Admin", "admin@warm.es", Role.ADMIN, null, null, "es"));
                        for (int r = 0; r < 5; r++) {
                            c.users().create(new UserDraft("rep" + r, "Rep " + r, "rep" + r + "@warm.es", Role.SALES_REP, null, null, "es"));
                        }
                        return null;
                    });
                    user[0] = "admin";
                    try (InputStream in = Files.newInputStream(warm)) {
                        ImportRunView w = crm.imports().start(in, "warmup.csv", DuplicatePolicy.SKIP);
                        crm.imports().awaitFinished(w.id(), Duration.ofHours(1));
                    }
                    tenant[0] = TENANT;
                    System.out.printf("warm-up: %,d rows imported first in another tenant%n", warmup);
                }
                HeapPeak heap = HeapPeak.start();
                user[0] = "admin";
                long postmaster = postmasterPid(ds);
                long jvmCpu0 = processCpuNanos();
                long threadCpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long pgCpu0 = treeCpuTicks(postmaster);
                LOAD_BEFORE[0] = loadAverage();
                long start = System.nanoTime();
                ImportPreview preview;
                try (InputStream in = Files.newInputStream(file)) {
                    preview = crm.imports().preview(in, "leads.csv");
                }
                double previewSeconds = seconds(start);
                ImportRunView run = crm.imports().start(preview.previewId(), preview.mapping(), DuplicatePolicy.SKIP);
                run = crm.imports().awaitFinished(run.id(), Duration.ofHours(1));
                double importSeconds = seconds(start);
                double jvmCpu = (processCpuNanos() - jvmCpu0) / 1e9;
                double threadCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpu0) / 1e9;
                double pgCpu = pgCpu0 < 0 ? Double.NaN : (treeCpuTicks(postmaster) - pgCpu0) / (double) TICKS_PER_SECOND;
                heap.stop();
                String busiest = heap.busiest();

                long copyStart = System.nanoTime();
                long copied = copyBaseline(ds, file);
                double copySeconds = seconds(copyStart);

                System.out.printf("import: status %s, read %,d, created %,d, skipped %,d (duplicates of contacts), failed %,d%n",
                        run.status(), run.rowsRead(), run.rowsCreated(), run.rowsSkipped(), run.rowsFailed());
                System.out.printf("import: %.1f s (preview %.1f s) = %,.0f rows/s; peak heap used %d MB of %d MB (garbage included);"
                        + " most kept after a collection %d MB%n", importSeconds, previewSeconds, rows / importSeconds,
                        heap.peak() / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20), heap.live() / (1 << 20));
                System.out.printf("import CPU time: JVM %.1f s (of which the importing thread %.1f s), PostgreSQL %.1f s; load average before %s, after %s%n", jvmCpu, threadCpu, pgCpu,
                        LOAD_BEFORE[0], loadAverage());
                System.out.printf("JVM CPU by thread: %s (the rest: garbage collection and threads not listed)%n", busiest);
                System.out.printf("COPY of the same file into a plain table: %,d rows in %.2f s = %,.0f rows/s%n",
                        copied, copySeconds, copied / copySeconds);
                System.out.printf("ratio import/COPY: %.1fx slower; %d cores, Java %s%n", importSeconds / copySeconds,
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            }
        }
    }

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final String[] LOAD_BEFORE = {"?"};

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static long postmasterPid(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            for (String line : Files.readAllLines(Path.of("/proc/" + rs.getInt(1) + "/status"))) {
                if (line.startsWith("PPid:")) {
                    return Long.parseLong(line.substring(5).strip());
                }
            }
        } catch (java.io.IOException e) {
            // not Linux: no PostgreSQL CPU figure
        }
        return -1;
    }

    /**
     * CPU ticks of PostgreSQL: the postmaster, its exited children (cutime, cstime) and its live ones
     * (the pooled backends, the background workers). Linux /proc only; -1 elsewhere.
     */
    private static long treeCpuTicks(long postmaster) {
        if (postmaster < 0) {
            return -1;
        }
        long total = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    long ppid = Long.parseLong(f[1]);
                    if (pid == postmaster) {
                        total += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    } else if (ppid == postmaster) {
                        total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (Exception gone) {
                    // the process ended while we looked
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return total;
    }

    private static void seedContacts(DataSource ds, int contacts) throws Exception {
        StringBuilder csv = new StringBuilder(contacts * 120);
        for (int i = 0; i < contacts; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / 7) % LAST.length];
            csv.append(UUID.randomUUID()).append(',').append(TENANT).append(",0,2026-01-01T00:00:00Z,2026-01-01T00:00:00Z,")
                    .append(first).append(',').append(last).append(",c").append(i).append("@cliente.es,+349")
                    .append(String.format("%08d", i)).append(",es,").append(Names.personKey(first, last)).append('\n');
        }
        try (Connection c = ds.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY crm_contact (id, tenant_id, version, created_at, updated_at, first_name, last_name, email, phone,"
                    + " language, person_key) FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
        }
    }

    /** Every tenth row is someone already in the contacts (same e-mail): the import skips it. */
    private static void writeLeads(Path file, int rows, int contacts) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, CP1252)) {
            w.write("Nombre;Apellidos;Empresa;Correo electrónico;Teléfono;NIF/CIF;Código postal;Población;Provincia;"
                    + "Nº empleados;Origen;Comercial;Observaciones\r\n");
            for (int i = 0; i < rows; i++) {
                long dni = 10_000_000L + i;
                String email = i % 10 == 0 ? "c" + (i % contacts) + "@cliente.es" : "lead" + i + "@empresa" + (i % 5000) + ".es";
                w.write(FIRST[i % FIRST.length] + ";" + LAST[(i / 3) % LAST.length] + ";\"" + TRADE[i % TRADE.length] + " "
                        + LAST[(i / 11) % LAST.length] + " " + i + ", " + FORM[i % FORM.length] + "\";" + email + ";6"
                        + String.format("%08d", i) + ";" + dni + TaxId.dniLetter(dni) + ";" + String.format("%05d", 1000 + i % 50000)
                        + ";" + CITY[i % CITY.length] + ";" + (i % 3 == 0 ? "1.200" : String.valueOf(i % 250)) + ";feria;rep"
                        + (i % 5) + ";\"Llamar; preguntar por \"\"el jefe\"\"\"\r\n");
            }
        }
    }

    private static long copyBaseline(DataSource ds, Path file) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table bench_copy (nombre text, apellidos text, empresa text, email text, telefono text, nif text,"
                    + " cp text, poblacion text, provincia text, empleados text, origen text, comercial text, observaciones text)");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (InputStream in = Files.newInputStream(file)) {
                return copy.copyIn("COPY bench_copy FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true, ENCODING 'WIN1252')", in);
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Samples the used heap every 20 ms; the figure is an upper bound of what the import kept alive (garbage included). */
    private static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong live = new AtomicLong();
        /** CPU nanoseconds per Java thread name, the most seen (so a thread that ended during the run still counts). */
        private final java.util.Map<String, Long> threadCpu = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<Long, Long> cpuAtStart = new java.util.HashMap<>();
        private final long compileMillisAtStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        private volatile boolean running = true;

        static HeapPeak start() {
            HeapPeak h = new HeapPeak();
            var threads = ManagementFactory.getThreadMXBean();
            for (long id : threads.getAllThreadIds()) {
                h.cpuAtStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
            }
            Thread t = new Thread(() -> {
                for (int round = 0; h.running; round++) {
                    // Thread CPU every 200 ms (often enough to see a thread that ends with the run), the heap every 20 ms.
                    for (java.lang.management.ThreadInfo info : round % 10 != 0 ? new java.lang.management.ThreadInfo[0]
                            : threads.getThreadInfo(threads.getAllThreadIds())) {
                        if (info != null) {
                            long cpu = threads.getThreadCpuTime(info.getThreadId()) - h.cpuAtStart.getOrDefault(info.getThreadId(), 0L);
                            h.threadCpu.merge(info.getThreadName().replaceAll("-[0-9a-f-]{36}$", ""), cpu, Math::max);
                        }
                    }
                    h.peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    long afterGc = 0;
                    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                        if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                            afterGc += pool.getCollectionUsage().getUsed();
                        }
                    }
                    h.live.accumulateAndGet(afterGc, Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            t.setDaemon(true);
            t.start();
            return h;
        }

        void stop() {
            running = false;
        }

        /** The Java threads that used the most CPU since the start, and the JIT compilers' time; seconds. */
        String busiest() {
            StringBuilder out = new StringBuilder();
            threadCpu.entrySet().stream().filter(e -> e.getValue() > 50_000_000L)
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .forEach(e -> out.append(String.format("%s %.1f s, ", e.getKey(), e.getValue() / 1e9)));
            return out.append(String.format("JIT compilers %.1f s", (ManagementFactory.getCompilationMXBean().getTotalCompilationTime()
                    - compileMillisAtStart) / 1e3)).toString();
        }

        /** The most the heap held right after a collection (all pools): an upper bound of what was really alive. */
        long live() {
            return live.get();
        }

        long peak() {
            return peak.get();
        }
    }
}
