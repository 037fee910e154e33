package dev.cartera.bench;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.Role;
import dev.cartera.core.team.UserDraft;
import dev.cartera.rules.Assignee;
import dev.cartera.rules.AssignmentRule;
import dev.cartera.rules.CarteraRules;
import dev.cartera.rules.Criterion;
import dev.cartera.rules.Operator;
import dev.cartera.rules.RuleSetContent;
import dev.cartera.rules.RuleSetKind;
import dev.cartera.rules.internal.CompiledRuleSet;
import dev.cartera.rules.internal.RecordFact;
import dev.cartera.rules.internal.RuleCompiler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Prints the figures of docs/performance.md: leads decided per second by a 50-rule assignment set in Drools
 * (one stateless session per lead, and batches of 1,000) against a plain Java loop over the same rules in the same
 * run, and the time to compile and to activate (validate, compile, store, swap) a 200-rule set on H2.
 * "Decision only": which rule decides and its user; no database, no round-robin turn, no load query.
 */
public final class RulesBenchmark {
    private static final String[] PROVINCES = {"Barcelona", "Girona", "Lleida", "Tarragona", "Madrid", "Valencia", "Alicante",
            "Sevilla", "Málaga", "Bizkaia", "Gipuzkoa", "Zaragoza", "Asturias", "A Coruña", "Murcia", "Baleares"};
    private static final String[] SOURCES = {"web", "feria", "referido", "email", "telefono", "linkedin"};
    private static final String[] LANGUAGES = {"es", "ca", "en", "eu", "gl"};

    private RulesBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Random random = new Random(7);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(UUID.randomUUID());
        }
        RuleSetContent rules50 = ruleSet(50, users, random);
        List<Map<String, String>> leads = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            leads.add(lead(random));
        }

        CompiledRuleSet compiled = RuleCompiler.compile("bench", UUID.randomUUID(), UUID.randomUUID(), RuleSetKind.ASSIGNMENT, rules50, null);
        List<PlainRule> plain = rules50.assignment().stream().map(PlainRule::new).toList();
        int checked = 0;
        for (Map<String, String> lead : leads) {
            if (!droolsDecision(compiled, rules50, lead).equals(plainDecision(plain, lead))) {
                throw new IllegalStateException("Drools and the plain loop disagree on " + lead);
            }
            checked++;
        }
        System.out.printf(Locale.ROOT, "java %s, %d processors; %d leads decided identically by both%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), checked);

        Rate single = measure(seconds, leads, lead -> droolsDecision(compiled, rules50, lead));
        Rate plainRate = measure(seconds, leads, lead -> plainDecision(plain, lead));
        Rate batch = measureBatches(seconds, leads, compiled, rules50);
        System.out.println("50-rule set, Drools, one lead per call:          " + single);
        System.out.println("50-rule set, Drools, batches of 1,000 leads:     " + batch);
        System.out.println("50-rule set, plain Java loop over the same rules: " + plainRate);
        System.out.printf(Locale.ROOT, "ratio plain/Drools (CPU): %.1f (one per call), %.1f (batches)%n", plainRate.cpu() / single.cpu(),
                plainRate.cpu() / batch.cpu());

        RuleSetContent rules200 = ruleSet(200, users, random);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            long cpu0 = processCpu();
            RuleCompiler.compile("bench", UUID.randomUUID(), UUID.randomUUID(), RuleSetKind.ASSIGNMENT, rules200, null);
            System.out.printf(Locale.ROOT, "200-rule set, compile only (run %d): %d ms wall, %d ms CPU (all threads)%n", i + 1,
                    (System.nanoTime() - t0) / 1_000_000, (processCpu() - cpu0) / 1_000_000);
        }
        activate200(random);
    }

    /** Saves and activates a 200-rule set through the real service on in-memory H2: checks, DRL, Drools, rows, swap. */
    private static void activate200(Random random) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        Cartera.Builder builder = Cartera.builder().dataSource(ds);
        CarteraRules rules = CarteraRules.install(builder);
        try (Cartera crm = builder.build()) {
            List<UUID> users = crm.asSystem("bench", c -> {
                UUID team = c.users().createTeam("Ventas", c.users().createOffice("Central", "Madrid").id(), null).id();
                List<UUID> ids = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    ids.add(c.users().create(new UserDraft("rep" + i, "Rep " + i, "rep" + i + "@example.es", Role.SALES_REP, team, null, "es")).id());
                }
                return ids;
            });
            for (int i = 0; i < 3; i++) {
                RuleSetContent content = ruleSet(200, users, random);
                UUID draft = crm.asSystem("bench", c -> rules.ruleSets().saveDraft(RuleSetKind.ASSIGNMENT, content, null, null).id());
                long t0 = System.nanoTime();
                long cpu0 = processCpu();
                crm.asSystem("bench", c -> rules.ruleSets().activate(draft));
                System.out.printf(Locale.ROOT, "200-rule set, validate + compile + activate on H2 (run %d): %d ms wall, %d ms CPU%n", i + 1,
                        (System.nanoTime() - t0) / 1_000_000, (processCpu() - cpu0) / 1_000_000);
            }
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static RuleSetContent ruleSet(int size, List<UUID> users, Random random) {
        List<AssignmentRule> rules = new ArrayList<>();
        for (int i = 0; i < size - 1; i++) {
            List<Criterion> criteria = new ArrayList<>();
            criteria.add(Criterion.of("province", Operator.IN, pick(PROVINCES, random), pick(PROVINCES, random)));
            switch (i % 4) {
                case 0 -> criteria.add(Criterion.of("source", Operator.EQUALS, pick(SOURCES, random)));
                case 1 -> {
                    int low = random.nextInt(40);
                    criteria.add(Criterion.of("companySize", Operator.BETWEEN, String.valueOf(low), String.valueOf(low + 10)));
                }
                case 2 -> criteria.add(Criterion.of("language", Operator.EQUALS, pick(LANGUAGES, random)));
                default -> criteria.add(Criterion.of("productInterest", Operator.CONTAINS, "crm"));
            }
            rules.add(new AssignmentRule("Rule " + i, criteria, Assignee.user(users.get(random.nextInt(users.size())))));
        }
        rules.add(new AssignmentRule("Fallback", List.of(), Assignee.user(users.get(0))));
        return RuleSetContent.assignment(rules);
    }

    private static Map<String, String> lead(Random random) {
        Map<String, String> v = new HashMap<>();
        v.put("province", pick(PROVINCES, random));
        v.put("source", pick(SOURCES, random));
        v.put("companySize", String.valueOf(random.nextInt(50)));
        v.put("language", pick(LANGUAGES, random));
        v.put("productInterest", random.nextBoolean() ? "CRM y facturación" : "web");
        return v;
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static UUID droolsDecision(CompiledRuleSet compiled, RuleSetContent content, Map<String, String> lead) {
        List<Integer> matched = compiled.match(new RecordFact(null, null, null, lead));
        return content.assignment().get(matched.get(0)).assignTo().userId();
    }

    private static UUID plainDecision(List<PlainRule> rules, Map<String, String> lead) {
        for (PlainRule rule : rules) {
            if (rule.test(lead)) {
                return rule.user;
            }
        }
        throw new IllegalStateException("no fallback");
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Leads per second of wall time, and per second of this thread's CPU time (what a busy, shared machine still shows). */
    private record Rate(double wall, double cpu) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,9.0f leads/s wall, %,9.0f leads per CPU-second", wall, cpu);
        }
    }

    private static Rate measure(int seconds, List<Map<String, String>> leads, java.util.function.Function<Map<String, String>, UUID> decide) {
        long sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += decide.apply(leads.get(i % leads.size())).hashCode();
        }
        long n = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1_000; i++) {
                sink += decide.apply(leads.get((int) (n++ % leads.size()))).hashCode();
            }
        }
        Rate rate = new Rate(n / ((System.nanoTime() - start) / 1e9), n / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9));
        if (sink == 42) {
            System.out.print("");
        }
        return rate;
    }

    private static Rate measureBatches(int seconds, List<Map<String, String>> leads, CompiledRuleSet compiled, RuleSetContent content) {
        long n = 0;
        long sink = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        while (System.nanoTime() < end) {
            List<RecordFact> batch = new ArrayList<>(1_000);
            for (int i = 0; i < 1_000; i++) {
                batch.add(new RecordFact(null, null, null, leads.get((int) ((n + i) % leads.size()))));
            }
            compiled.matchAll(batch);
            for (RecordFact f : batch) {
                sink += content.assignment().get(f.matches().get(0)).assignTo().userId().hashCode();
            }
            n += batch.size();
        }
        Rate rate = new Rate(n / ((System.nanoTime() - start) / 1e9), n / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9));
        if (sink == 42) {
            System.out.print("");
        }
        return rate;
    }

    /** The same semantics as the compiled criteria: trimmed, case-insensitive text; numbers compared as numbers. */
    private static final class PlainRule {
        private final List<Criterion> criteria;
        private final UUID user;

        PlainRule(AssignmentRule rule) {
            this.criteria = rule.criteria();
            this.user = rule.assignTo().userId();
        }

        boolean test(Map<String, String> lead) {
            for (Criterion c : criteria) {
                String v = norm(lead.get(c.field()));
                boolean ok = switch (c.operator()) {
                    case EQUALS -> v != null && v.equals(norm(c.values().get(0)));
                    case IN -> v != null && c.values().stream().map(PlainRule::norm).anyMatch(v::equals);
                    case CONTAINS -> v != null && v.contains(norm(c.values().get(0)));
                    case BETWEEN -> v != null && between(v, c.values().get(0), c.values().get(1));
                    case IS_EMPTY -> v == null || v.isEmpty();
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private static boolean between(String v, String from, String to) {
            BigDecimal n = new BigDecimal(v);
            return n.compareTo(new BigDecimal(from)) >= 0 && n.compareTo(new BigDecimal(to)) <= 0;
        }

        private static String norm(String s) {
            return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
        }
    }
}
