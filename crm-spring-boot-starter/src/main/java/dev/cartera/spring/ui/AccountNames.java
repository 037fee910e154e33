package dev.cartera.spring.ui;

import dev.cartera.core.account.AccountService;
import dev.cartera.core.common.CrmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Names of the customers a list refers to; one the user may not see simply has no name. */
final class AccountNames {
    private AccountNames() {
    }

    static Map<UUID, String> of(AccountService accounts, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        ids.stream().filter(Objects::nonNull).distinct().forEach(id -> {
            try {
                names.put(id, accounts.get(id).name());
            } catch (CrmException e) {
                // not visible to this user: the row shows no customer
            }
        });
        return names;
    }
}
