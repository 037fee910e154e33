package dev.cartera.core.dedupe;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;

class PostgresDuplicatesIntegrationTests extends DuplicatesContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshPostgres();
    }
}
