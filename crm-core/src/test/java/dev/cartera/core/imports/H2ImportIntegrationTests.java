package dev.cartera.core.imports;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;

class H2ImportIntegrationTests extends ImportContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshH2();
    }
}
