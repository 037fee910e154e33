package dev.cartera.reporting;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;

class PostgresReportingIntegrationTests extends ReportingContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshPostgres();
    }
}
