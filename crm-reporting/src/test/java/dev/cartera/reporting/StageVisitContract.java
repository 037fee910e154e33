package dev.cartera.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.opportunity.OpportunityDraft;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.opportunity.StageView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The stage-visit summary the reports read is kept by the services on every move: after any sequence
 * of creations, moves, wins and losses, its rows are exactly the stays that migration V11's back-fill
 * derives from the recorded stage changes (the statement {@link ReportEnv#STAGE_VISITS} the oracle
 * tests use), and the stage-duration report over them equals pairing the changes by a window.
 */
abstract class StageVisitContract {
    private static final Map<Class<?>, ReportEnv> ENVS = new ConcurrentHashMap<>();

    protected abstract DataSource dataSource();

    private ReportEnv env() {
        return ENVS.computeIfAbsent(getClass(), k -> new ReportEnv(dataSource()));
    }

    /** One step: create a deal (target -1), or move deal {@code deal} to the stage at {@code position}; then wait. */
    record Step(int deal, int position, long waitSeconds) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(1, 5),
                Arbitraries.longs().between(0, 5L * 86_400)).as(Step::new).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 15)
    void theServicesKeepTheStaysThatTheStageChangesDescribe(@ForAll("steps") List<Step> steps) {
        ReportEnv env = env();
        env.fx.clock.set(Instant.parse("2026-01-05T09:00:00Z"));
        ReportEnv.Tenant t = env.tenant("v");
        List<OpportunityView> deals = new ArrayList<>();
        for (Step step : steps) {
            env.fx.session.call(t.id(), "rep", () -> {
                if (step.deal() < 0 || deals.isEmpty()) {
                    deals.add(env.fx.cartera.opportunities().create(new OpportunityDraft("Deal " + deals.size(), null, null, null, null,
                            new BigDecimal("1000"), null, java.time.LocalDate.of(2026, 6, 30), null, "web", null, null)));
                    return null;
                }
                int i = step.deal() % deals.size();
                OpportunityView deal = env.fx.cartera.opportunities().get(deals.get(i).id());
                if (!"OPEN".equals(deal.status().name())) {
                    return null;
                }
                StageView target = t.stageAt(step.position());
                deals.set(i, env.fx.cartera.opportunities().moveToStage(deal.id(), null, target.id(),
                        step.position() == 5 ? "precio" : null));
                return null;
            });
            env.fx.clock.set(env.fx.clock.instant().plusSeconds(step.waitSeconds()));
        }

        List<String> kept = rows(env, "select opportunity_id, stage_id, entered_at, left_at from crm_stage_visit where tenant_id = ?", t.id());
        List<String> derived = rows(env, "select c.opportunity_id, c.to_stage_id, c.changed_at, lead(c.changed_at) over"
                + " (partition by c.tenant_id, c.opportunity_id order by c.changed_at, c.created_at, c.id)"
                + " from crm_stage_change c where c.tenant_id = ?", t.id());
        assertThat(kept).containsExactlyInAnyOrderElementsOf(derived);
        assertThat(kept).hasSize(derived.size());
    }

    private static List<String> rows(ReportEnv env, String sql, String tenant) {
        try (Connection c = env.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime left = rs.getObject(4, OffsetDateTime.class);
                    out.add(rs.getObject(1) + " " + rs.getObject(2) + " " + rs.getObject(3, OffsetDateTime.class).toInstant() + " "
                            + (left == null ? null : left.toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
