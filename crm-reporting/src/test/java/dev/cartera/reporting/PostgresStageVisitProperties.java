package dev.cartera.reporting;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;

class PostgresStageVisitProperties extends StageVisitContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshPostgres();
    }
}
