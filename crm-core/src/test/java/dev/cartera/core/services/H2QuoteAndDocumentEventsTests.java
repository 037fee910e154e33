package dev.cartera.core.services;

import dev.cartera.core.testing.TestDatabases;
import javax.sql.DataSource;

class H2QuoteAndDocumentEventsTests extends QuoteAndDocumentEventsContract {
    @Override
    protected DataSource dataSource() {
        return TestDatabases.freshH2();
    }
}
