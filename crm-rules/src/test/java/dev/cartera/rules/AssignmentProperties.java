package dev.cartera.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.access.Role;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.team.UserDraft;
import dev.cartera.core.testing.CrmFixture;
import dev.cartera.core.testing.TestDatabases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Properties of lead assignment over random leads, loads and absences; each try works in a tenant of its own (H2). */
class AssignmentProperties {
    private static RulesTestbed bed;

    @BeforeContainer
    static void start() {
        bed = new RulesTestbed(TestDatabases.freshH2());
    }

    @AfterContainer
    static void stop() {
        bed.close();
    }

    /** The fixture's organisation plus two more reps in team A, so its round-robin circle has four people. */
    private record World(CrmFixture.Org org, List<UUID> teamA) {
    }

    private static World world() {
        CrmFixture.Org org = bed.newOrg();
        List<UUID> extra = bed.crm.asSystem(org.tenant(), crm -> List.of(
                crm.users().create(new UserDraft("rep4", "Rep4", "rep4@example.es", Role.SALES_REP, org.teamA(), null, "es")).id(),
                crm.users().create(new UserDraft("rep5", "Rep5", "rep5@example.es", Role.SALES_REP, org.teamA(), null, "es")).id()));
        List<UUID> team = new ArrayList<>(List.of(org.rep(), org.rep2()));
        team.addAll(extra);
        return new World(org, team);
    }

    @Provide
    Arbitrary<LeadDraft> leads() {
        return Combinators.combine(
                Arbitraries.of("Barcelona", "Girona", "Madrid", "Valencia", "Sevilla"),
                Arbitraries.of("web", "feria", "referido", "WEB"),
                Arbitraries.integers().between(0, 60),
                Arbitraries.of("08001", "17004", "28010", "46001", "41001"),
                Arbitraries.of("ana@uno.es", "info@dos.es", "ventas@tres.es", "hola@cuatro.es"))
                .as((province, source, size, postcode, email) -> Leads.lead("Empresa " + postcode, province, postcode, source, size, email));
    }

    private static RuleSetContent mixedRules(World w) {
        CrmFixture.Org org = w.org();
        return RuleSetContent.assignment(List.of(
                new AssignmentRule("Returning", List.of(Criterion.of("source", Operator.EQUALS, "referido")), Assignee.returningCustomer()),
                new AssignmentRule("Catalunya web", List.of(Criterion.of("province", Operator.IN, "Barcelona", "Girona"),
                        Criterion.of("source", Operator.EQUALS, "web")), Assignee.roundRobin(org.teamA())),
                new AssignmentRule("Big", List.of(Criterion.of("companySize", Operator.BETWEEN, "20", "60")), Assignee.leastLoaded(org.teamA())),
                new AssignmentRule("Territory", List.of(), Assignee.territory(List.of(new Territory("Valencia", null, null, org.rep3())))),
                new AssignmentRule("Fallback", List.of(), Assignee.roundRobin(org.teamA()))));
    }

    @Property(tries = 8)
    void assignmentIsDeterministicForTheSameState(@ForAll @Size(min = 1, max = 15) List<@From("leads") LeadDraft> drafts) {
        World w = world();
        UUID version = bed.activate(w.org(), mixedRules(w)).id();
        SimulationReport first = bed.as(w.org(), "admin", () -> bed.rules.simulator().assignDrafts(version, drafts));
        SimulationReport second = bed.as(w.org(), "admin", () -> bed.rules.simulator().assignDrafts(version, drafts));
        assertThat(second).isEqualTo(first);
        // Creating them is the state moving on; what the simulator predicted is what happens.
        List<UUID> owners = drafts.stream().map(d -> {
            // One lead per transaction: distinct creation times make "the latest earlier lead" well defined.
            bed.fx.clock.set(bed.fx.clock.instant().plusMillis(1));
            return bed.as(w.org(), "admin", () -> bed.crm.leads().create(d).ownerId());
        }).toList();
        assertThat(owners).isEqualTo(first.records().stream().map(SimulatedRecord::assigneeId).toList());
    }

    @Property(tries = 12)
    void roundRobinCountsDifferByAtMostOne(@ForAll @Size(max = 30) List<@From("leads") LeadDraft> drafts) {
        World w = world();
        bed.activate(w.org(), RuleSetContent.assignment(List.of(
                new AssignmentRule("Web", List.of(Criterion.of("source", Operator.EQUALS, "web")), Assignee.roundRobin(w.org().teamA())),
                new AssignmentRule("Others", List.of(), Assignee.user(w.org().rep3())))));
        Map<UUID, Integer> counts = new HashMap<>();
        w.teamA().forEach(u -> counts.put(u, 0));
        int web = 0;
        for (LeadDraft d : drafts) {
            UUID owner = bed.as(w.org(), "admin", () -> bed.crm.leads().create(d).ownerId());
            counts.computeIfPresent(owner, (u, n) -> n + 1);
            web += d.source().equalsIgnoreCase("web") ? 1 : 0;
        }
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).as("every web lead went round the team").isEqualTo(web);
        assertThat(spread(counts)).isLessThanOrEqualTo(1);
    }

    static int spread(Map<UUID, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0)
                - counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    @Property(tries = 10)
    void leastLoadedAlwaysPicksAMinimalLoadEligibleUser(@ForAll @Size(4) List<@IntRange(max = 3) Integer> openLeads,
            @ForAll @Size(4) List<Boolean> absent) {
        World w = world();
        for (int i = 0; i < 4; i++) {
            UUID user = w.teamA().get(i);
            for (int k = 0; k < openLeads.get(i); k++) {
                bed.as(w.org(), "admin", () -> bed.crm.leads().create(Leads.lead("Carga", "Madrid", "web").withOwner(user)));
            }
            if (absent.get(i)) {
                bed.absent(w.org(), user, bed.today(), bed.today());
            }
        }
        bed.activate(w.org(), RuleSetContent.assignment(List.of(
                new AssignmentRule("Least loaded", List.of(), Assignee.leastLoaded(w.org().teamA())),
                new AssignmentRule("Manager", List.of(), Assignee.user(w.org().manager())))));

        for (int round = 0; round < 3; round++) {
            Map<UUID, Long> load = bed.as(w.org(), "admin", () -> bed.crm.leads().search(LeadQuery.all(), PageRequest.first(200)).items())
                    .stream().filter(l -> l.ownerId() != null).collect(Collectors.groupingBy(LeadView::ownerId, Collectors.counting()));
            Set<UUID> eligible = new java.util.HashSet<>();
            for (int i = 0; i < 4; i++) {
                if (!absent.get(i)) {
                    eligible.add(w.teamA().get(i));
                }
            }
            UUID owner = bed.as(w.org(), "admin", () -> bed.crm.leads().create(Leads.lead("Nuevo", "Madrid", "web")).ownerId());
            if (eligible.isEmpty()) {
                assertThat(owner).isEqualTo(w.org().manager());
            } else {
                long min = eligible.stream().mapToLong(u -> load.getOrDefault(u, 0L)).min().orElseThrow();
                assertThat(eligible).contains(owner);
                assertThat(load.getOrDefault(owner, 0L)).isEqualTo(min);
            }
        }
    }

    @Property(tries = 10)
    void anAbsentUserIsNeverChosen(@ForAll @Size(4) List<Boolean> absent, @ForAll("kinds") AssigneeKind kind,
            @ForAll @Size(min = 1, max = 6) List<@From("leads") LeadDraft> drafts) {
        World w = world();
        Set<UUID> away = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            if (absent.get(i)) {
                away.add(w.teamA().get(i));
                bed.absent(w.org(), w.teamA().get(i), bed.today().minusDays(1), bed.today().plusDays(1));
            }
        }
        Assignee first = switch (kind) {
            case USER -> Assignee.user(w.teamA().get(0));
            case ROUND_ROBIN -> Assignee.roundRobin(w.org().teamA());
            case LEAST_LOADED -> Assignee.leastLoaded(w.org().teamA());
            case TERRITORY -> Assignee.territory(w.teamA().stream().map(u -> new Territory(null, "00000", "99999", u)).toList());
            default -> Assignee.returningCustomer();
        };
        bed.activate(w.org(), RuleSetContent.assignment(List.of(
                new AssignmentRule("Under test", List.of(), first),
                new AssignmentRule("Fallback", List.of(), Assignee.roundRobin(w.org().teamA())))));
        for (LeadDraft d : drafts) {
            UUID owner = bed.as(w.org(), "admin", () -> bed.crm.leads().create(d).ownerId());
            assertThat(away).doesNotContain(owner);
        }
    }

    @Provide
    Arbitrary<AssigneeKind> kinds() {
        return Arbitraries.of(AssigneeKind.USER, AssigneeKind.ROUND_ROBIN, AssigneeKind.LEAST_LOADED, AssigneeKind.TERRITORY,
                AssigneeKind.RETURNING_CUSTOMER);
    }

    @Property(tries = 8)
    void theSimulatorNeverChangesTheDatabase(@ForAll @Size(max = 20) List<@From("leads") LeadDraft> drafts, @ForAll boolean draftVersion) {
        World w = world();
        for (LeadDraft d : drafts.subList(0, drafts.size() / 2)) {
            bed.as(w.org(), "rep", () -> bed.crm.leads().create(d));
        }
        RuleSetVersionView version = draftVersion
                ? bed.as(w.org(), "admin", () -> bed.rules.ruleSets().saveDraft(RuleSetKind.ASSIGNMENT, mixedRules(w), null, null))
                : bed.activate(w.org(), mixedRules(w));
        String before = bed.databaseFingerprint();
        bed.as(w.org(), "admin", () -> bed.rules.simulator().assignDrafts(version.id(), drafts));
        bed.as(w.org(), "admin", () -> bed.rules.simulator().assignExisting(version.id(), LeadQuery.all(), 100));
        assertThat(bed.databaseFingerprint()).isEqualTo(before);
    }
}
