package dev.cartera.reporting;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;

class H2ReportingTests extends ReportingContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshH2();
    }
}
