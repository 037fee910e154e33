package dev.cartera.reporting.internal;

import dev.cartera.core.persistence.Transactions;
import dev.cartera.reporting.ReportSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Runs report queries inside a Cartera read unit of work, on the unit's own JDBC connection (so they
 * see its transaction), and times them as {@code cartera.report.query} tagged by report.
 */
public final class ReportRunner {
    private final Transactions tx;
    private final ReportSettings settings;
    private final MeterRegistry meters;

    public ReportRunner(Transactions tx, ReportSettings settings, MeterRegistry meters) {
        this.tx = tx;
        this.settings = settings;
        this.meters = meters;
    }

    public ReportSettings settings() {
        return settings;
    }

    public <T> T read(String report, Function<ReportContext, T> body) {
        Timer.Sample sample = Timer.start(meters);
        try {
            return tx.read(work -> work.em().unwrap(Session.class)
                    .doReturningWork(connection -> body.apply(new ReportContext(work, connection, settings))));
        } finally {
            sample.stop(Timer.builder("cartera.report.query").tag("report", report).register(meters));
        }
    }

    public <T> T write(String report, Function<ReportContext, T> body) {
        return tx.write(work -> work.em().unwrap(Session.class)
                .doReturningWork(connection -> body.apply(new ReportContext(work, connection, settings))));
    }
}
