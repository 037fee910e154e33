package dev.cartera.core.services;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;

class H2PipelinesCatalogQuotesTests extends PipelinesCatalogQuotesContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshH2();
    }
}
