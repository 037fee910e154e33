package dev.cartera.demo.seed;

import dev.cartera.core.Cartera;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.team.OfficeView;
import dev.cartera.core.team.TeamView;
import dev.cartera.core.team.UserDraft;
import dev.cartera.demo.DemoClock;
import dev.cartera.demo.DemoTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Suministros Levante's new delegation in Barcelona: team {@value #TEAM} with two reps, and the web leads from
 * Barcelona and Girona that reached the manager's tray this month, before any assignment rule existed. They are
 * what the admin's first rule ("leads from Barcelona or Girona with source web go round-robin to team Catalunya")
 * is simulated on. The reps sign in as {@code jordi} and {@code montse} (see {@link DemoTenants#CATALUNYA}), in Catalan.
 */
final class DemoCatalunya {
    static final String TEAM = "Catalunya";

    private record Incoming(String firstName, String lastName, String company, String city, String postcode, String province,
            String source, String interest, int daysAgo) {
    }

    private static final List<Incoming> LEADS = List.of(
            new Incoming("Núria", "Ferrer Casals", "Cafeteria La Rambla", "Barcelona", "08002", "Barcelona", "web", "Cafetera espresso 2 grupos", 12),
            new Incoming("Marc", "Soler Puig", "Hotel Montjuïc Park", "Barcelona", "08004", "Barcelona", "web", "Vajilla porcelana 48 piezas", 9),
            new Incoming("Laia", "Roca Vila", "Forn de Pa Gràcia", "Barcelona", "08012", "Barcelona", "web", "Horno de convección", 6),
            new Incoming("Pere", "Camps Serra", "Restaurant Onyar", "Girona", "17004", "Girona", "web", "Cámara frigorífica", 5),
            new Incoming("Anna", "Mas Riera", "Bar Costa Brava", "Lloret de Mar", "17310", "Girona", "web", "TPV táctil", 3),
            new Incoming("Jordi", "Font Prat", "Xiringuito Badalona", "Badalona", "08911", "Barcelona", "phone", "Menaje para terraza", 4),
            new Incoming("Montse", "Pujol Sala", "Hostal Tarragona Centre", "Tarragona", "43001", "Tarragona", "web", "Lencería de hotel", 2),
            new Incoming("Oriol", "Bosch Gil", "Fira Lleida Catering", "Lleida", "25001", "Lleida", "event", "Cafetera espresso 2 grupos", 1));

    private DemoCatalunya() {
    }

    static void load(Cartera cartera, DemoClock clock, String tenant, Instant now) {
        clock.at(now.minus(Duration.ofDays(30)), () -> cartera.asSystem(tenant, crm -> {
            OfficeView office = crm.users().createOffice("Delegación Barcelona", "Barcelona");
            TeamView team = crm.users().createTeam(TEAM, office.id(), null);
            for (DemoTenants.DemoUser rep : DemoTenants.CATALUNYA) {
                crm.users().create(new UserDraft(rep.username(), rep.displayName(), rep.email(), rep.role(), team.id(), office.id(), "ca"));
            }
            return null;
        }));
        UUID manager = cartera.asSystem(tenant, crm -> crm.users().findByUsername("manager").orElseThrow().id());
        for (Incoming lead : LEADS) {
            clock.at(now.minus(Duration.ofDays(lead.daysAgo())).minus(Duration.ofHours(lead.daysAgo() % 5 + 1)),
                    () -> cartera.asSystem(tenant, crm -> crm.leads().create(new LeadDraft(lead.firstName(), lead.lastName(),
                            lead.company(), null, SpanishData.slug(lead.firstName()) + "@" + SpanishData.slug(lead.company()) + ".cat",
                            null, null, lead.source(), null, manager, null, lead.city(), lead.postcode(), lead.province(), "ES", "ca",
                            null, lead.interest(), "Pide información desde la delegación de Barcelona."))));
        }
    }
}
