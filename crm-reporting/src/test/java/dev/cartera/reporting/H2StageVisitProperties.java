package dev.cartera.reporting;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;

class H2StageVisitProperties extends StageVisitContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshH2();
    }
}
