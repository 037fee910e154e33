package dev.cartera.spring.api.rule;

import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.access.Action;
import dev.cartera.core.access.Role;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.team.UserService;

/**
 * Who may see and edit rules through the web: the firm's admins. The core lets everybody read rule sets (they are
 * configuration), but the rules screens also show every lead's assignment history and the simulator runs over
 * every lead, so the web layer keeps them to those who configure the CRM.
 */
public final class RulesAdmin {
    private final UserService users;

    public RulesAdmin(UserService users) {
        this.users = users;
    }

    /** Whether the caller administers rules; false for anyone unknown to the CRM. */
    public boolean allowed() {
        try {
            return users.me().role() == Role.ADMIN;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Throws {@link AccessDeniedException} (403) unless the caller is an admin; 401 when nobody is signed in. */
    public void require() {
        if (!allowed()) {
            throw new AccessDeniedException(Action.UPDATE, RecordType.RULE);
        }
    }
}
