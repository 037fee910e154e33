package dev.cartera.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The embedded server's settings given on the command line as {@code -Dpg.<name>=<value>}, to look inside a run. */
final class ServerSettings {
    private ServerSettings() {
    }

    static EmbeddedPostgres.Builder fromSystemProperties(EmbeddedPostgres.Builder server) {
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("pg."))
                .forEach(k -> server.setServerConfig(k.substring(3), System.getProperty(k)));
        return server;
    }
}
