package dev.cartera.spring.api;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.Role;
import dev.cartera.core.team.TeamView;
import dev.cartera.core.team.UserDraft;
import java.util.UUID;

/** The users of one tenant: team A (manager, rep, rep2), team B (rep3) and an admin. */
record Organisation(String tenant, UUID rep, UUID rep2, UUID rep3, UUID manager, UUID admin) {

    static Organisation create(Cartera cartera, String tenant) {
        return cartera.asSystem(tenant, crm -> {
            UUID manager = crm.users().create(user("manager", Role.MANAGER, null)).id();
            TeamView teamA = crm.users().createTeam("Equipo A", null, manager);
            TeamView teamB = crm.users().createTeam("Equipo B", null, null);
            crm.users().update(manager, null, user("manager", Role.MANAGER, teamA.id()));
            return new Organisation(tenant,
                    crm.users().create(user("rep", Role.SALES_REP, teamA.id())).id(),
                    crm.users().create(user("rep2", Role.SALES_REP, teamA.id())).id(),
                    crm.users().create(user("rep3", Role.SALES_REP, teamB.id())).id(),
                    manager,
                    crm.users().create(user("admin", Role.ADMIN, null)).id());
        });
    }

    private static UserDraft user(String name, Role role, UUID team) {
        return new UserDraft(name, name.toUpperCase(), name + "@example.es", role, team, null, "es");
    }
}
