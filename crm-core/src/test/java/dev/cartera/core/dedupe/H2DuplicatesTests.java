package dev.cartera.core.dedupe;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;

class H2DuplicatesTests extends DuplicatesContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshH2();
    }
}
