package dev.cartera.core.testing;

import dev.cartera.core.Cartera;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the contracts that run once per real database: one Cartera for the class, and for every
 * test two fresh tenants with the standard organisation, the clock back at its start and no events
 * or mails left over. Subclasses say which database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TwoTenantContract {
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    protected CrmFixture fx;
    protected Cartera crm;
    protected CrmFixture.Org org;
    protected CrmFixture.Org otherOrg;

    protected abstract DataSource dataSource();

    @BeforeAll
    void startCartera() {
        fx = new CrmFixture(dataSource());
        crm = fx.cartera;
    }

    @AfterAll
    void stopCartera() {
        fx.close();
    }

    @BeforeEach
    void freshTenants() {
        fx.clock.set(START);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        org = fx.organisation("a" + suffix);
        otherOrg = fx.organisation("b" + suffix);
        fx.events.clear();
        fx.mails.clear();
    }
}
