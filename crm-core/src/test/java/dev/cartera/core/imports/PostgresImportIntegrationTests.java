package dev.cartera.core.imports;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;

class PostgresImportIntegrationTests extends ImportContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshPostgres();
    }
}
