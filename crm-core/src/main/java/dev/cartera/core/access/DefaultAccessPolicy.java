package dev.cartera.core.access;

import dev.cartera.core.common.RecordType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The matrix a small firm starts with: reps work their own records, managers their team's,
 * directors everything, admins also configure. Configuration records (pipelines, products, users…)
 * are readable by all and written by admins only.
 */
public final class DefaultAccessPolicy implements AccessPolicy {
    private static final Set<RecordType> CONFIGURATION = EnumSet.of(RecordType.PIPELINE, RecordType.PRODUCT,
            RecordType.PRICE_LIST, RecordType.CUSTOM_FIELD, RecordType.USER, RecordType.TEAM, RecordType.OFFICE,
            RecordType.RULE, RecordType.TARGET);

    private final Map<Role, Map<Action, Scope>> business = new EnumMap<>(Role.class);

    public DefaultAccessPolicy() {
        business.put(Role.SALES_REP, scopes(Scope.OWN, Scope.OWN, Scope.OWN, Scope.NONE, Scope.NONE, Scope.NONE));
        business.put(Role.MANAGER, scopes(Scope.TEAM, Scope.TEAM, Scope.TEAM, Scope.TEAM, Scope.TEAM, Scope.TEAM));
        business.put(Role.DIRECTOR, scopes(Scope.ALL, Scope.ALL, Scope.ALL, Scope.ALL, Scope.ALL, Scope.ALL));
        business.put(Role.ADMIN, scopes(Scope.ALL, Scope.ALL, Scope.ALL, Scope.ALL, Scope.ALL, Scope.ALL));
    }

    private static Map<Action, Scope> scopes(Scope read, Scope create, Scope update, Scope delete, Scope assign, Scope export) {
        Map<Action, Scope> m = new EnumMap<>(Action.class);
        m.put(Action.READ, read);
        m.put(Action.CREATE, create);
        m.put(Action.UPDATE, update);
        m.put(Action.DELETE, delete);
        m.put(Action.ASSIGN, assign);
        m.put(Action.EXPORT, export);
        return m;
    }

    @Override
    public Scope scope(Role role, Action action, RecordType recordType) {
        if (CONFIGURATION.contains(recordType)) {
            if (action == Action.READ) {
                return Scope.ALL;
            }
            return role == Role.ADMIN ? Scope.ALL : Scope.NONE;
        }
        if (recordType == RecordType.REPORT && role == Role.SALES_REP && action == Action.READ) {
            return Scope.OWN;
        }
        return business.get(role).getOrDefault(action, Scope.NONE);
    }
}
