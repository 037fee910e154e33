package dev.cartera.demo.seed;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.Role;
import dev.cartera.core.opportunity.PipelineView;
import dev.cartera.core.team.OfficeView;
import dev.cartera.core.team.TeamView;
import dev.cartera.core.team.UserDraft;
import dev.cartera.core.team.UserView;
import dev.cartera.demo.DemoTenants;
import dev.cartera.demo.DemoTenants.DemoUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A tenant's office, team, CRM users (one per demo login) and its sales pipeline. */
record DemoOrganisation(Map<String, UUID> users, UUID officeId, UUID teamId, PipelineView pipeline) {

    UUID user(String username) {
        UUID id = users.get(username);
        if (id == null) {
            throw new IllegalArgumentException("no demo user " + username);
        }
        return id;
    }

    /** Creates the organisation; runs inside the caller's unit of work as the tenant's system actor. */
    static DemoOrganisation create(Cartera crm, String tenant, String officeName, String city, String teamName) {
        OfficeView office = crm.users().createOffice(officeName, city);
        Map<String, UUID> users = new LinkedHashMap<>();
        UUID teamId = null;
        DemoUser manager = DemoTenants.usersOf(tenant).stream().filter(u -> u.role() == Role.MANAGER).findFirst().orElse(null);
        if (manager != null) {
            UserView created = crm.users().create(draft(manager, null, office.id()));
            TeamView team = crm.users().createTeam(teamName, office.id(), created.id());
            crm.users().update(created.id(), null, draft(manager, team.id(), office.id()));
            users.put(manager.username(), created.id());
            teamId = team.id();
        }
        for (DemoUser user : DemoTenants.usersOf(tenant)) {
            if (user.role() == Role.MANAGER) {
                continue;
            }
            UUID team = user.role() == Role.SALES_REP ? teamId : null;
            UUID officeId = user.role() == Role.ADMIN ? null : office.id();
            users.put(user.username(), crm.users().create(draft(user, team, officeId)).id());
        }
        // The firm's own lost reasons, beside the defaults every tenant starts with.
        SalesVocabulary.FIRM_LOST_REASONS.forEach(reason -> crm.pipelines().addLostReason(reason));
        return new DemoOrganisation(Map.copyOf(users), office.id(), teamId, crm.pipelines().defaultPipeline());
    }

    private static UserDraft draft(DemoUser user, UUID teamId, UUID officeId) {
        return new UserDraft(user.username(), user.displayName(), user.email(), user.role(), teamId, officeId, "es");
    }
}
