package dev.cartera.core.testing;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.Role;
import dev.cartera.core.event.CrmEvent;
import dev.cartera.core.team.OfficeView;
import dev.cartera.core.team.TeamView;
import dev.cartera.core.team.UserDraft;
import dev.cartera.core.team.UserView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A Cartera on a real database with a settable clock and caller, plus one organisation per tenant:
 * an office with two teams — team A (manager, rep, rep2) and team B (rep3) — a director and an admin.
 */
public final class CrmFixture implements AutoCloseable {
    public final Cartera cartera;
    public final TestSession session = new TestSession();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    public final List<CrmEvent> events = new CopyOnWriteArrayList<>();

    public CrmFixture(DataSource dataSource) {
        this(dataSource, builder -> {
        });
    }

    /** With {@code customize}, other modules plug into the builder (crm-rules installs itself this way). */
    public CrmFixture(DataSource dataSource, java.util.function.Consumer<Cartera.Builder> customize) {
        Cartera.Builder builder = Cartera.builder()
                .dataSource(dataSource)
                .currentUser(session)
                .tenantResolver(session)
                .clock(clock)
                .onEvent(events::add)
                .hibernateSetting("hibernate.hbm2ddl.auto", "validate");
        customize.accept(builder);
        this.cartera = builder.build();
    }

    /** Creates the standard organisation in a tenant and returns its users by name. */
    public Org organisation(String tenant) {
        return cartera.asSystem(tenant, crm -> {
            OfficeView office = crm.users().createOffice("Oficina Madrid", "Madrid");
            UserView manager = crm.users().create(user("manager", Role.MANAGER, null, office.id()));
            TeamView teamA = crm.users().createTeam("Equipo A", office.id(), manager.id());
            TeamView teamB = crm.users().createTeam("Equipo B", office.id(), null);
            crm.users().update(manager.id(), null, user("manager", Role.MANAGER, teamA.id(), office.id()));
            UserView rep = crm.users().create(user("rep", Role.SALES_REP, teamA.id(), office.id()));
            UserView rep2 = crm.users().create(user("rep2", Role.SALES_REP, teamA.id(), office.id()));
            UserView rep3 = crm.users().create(user("rep3", Role.SALES_REP, teamB.id(), office.id()));
            UserView director = crm.users().create(user("director", Role.DIRECTOR, null, office.id()));
            UserView admin = crm.users().create(user("admin", Role.ADMIN, null, null));
            return new Org(tenant, rep.id(), rep2.id(), rep3.id(), manager.id(), director.id(), admin.id(), teamA.id(), teamB.id());
        });
    }

    private static UserDraft user(String name, Role role, UUID team, UUID office) {
        return new UserDraft(name, name.substring(0, 1).toUpperCase() + name.substring(1), name + "@example.es", role, team, office, "es");
    }

    @Override
    public void close() {
        cartera.close();
    }

    public record Org(String tenant, UUID rep, UUID rep2, UUID rep3, UUID manager, UUID director, UUID admin, UUID teamA, UUID teamB) {
    }

    /** A clock tests move forward, for ages, timers and "not contacted for N days". */
    public static final class MutableClock extends Clock {
        private volatile Instant now;
        private final ZoneOffset zone;

        public MutableClock(Instant now, ZoneOffset zone) {
            this.now = now;
            this.zone = zone;
        }

        public void advanceDays(long days) {
            now = now.plusSeconds(days * 86_400);
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
