package dev.cartera.core.services;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;

class PostgresPipelinesCatalogQuotesIntegrationTests extends PipelinesCatalogQuotesContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshPostgres();
    }
}
