package dev.cartera.reporting;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;
import net.jqwik.api.PropertyDefaults;

@PropertyDefaults(tries = 10)
class PostgresReportOracleProperties extends ReportOracleContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshPostgres();
    }
}
