package dev.cartera.examples.plain;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.Role;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.activity.ActivityType;
import dev.cartera.core.card.CustomerCard;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.lead.ConversionResult;
import dev.cartera.core.lead.LeadConversion;
import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadView;
import dev.cartera.core.opportunity.OpportunityQuery;
import dev.cartera.core.opportunity.OpportunityView;
import dev.cartera.core.opportunity.PipelineView;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.team.UserDraft;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Cartera with no Spring: an H2 database, a user, a lead created and converted, the pipeline listed.
 * Run from the repository root: {@code mvn -B -ntp install -DskipTests && mvn -B -ntp -q -pl examples/plain-java exec:java}.
 */
public final class PlainJavaExample {

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:plain-java;DB_CLOSE_DELAY=-1");

        try (Cartera crm = Cartera.builder()
                .dataSource(dataSource)
                .tenantResolver(() -> "frutas-ana")
                .currentUser(() -> Optional.of("marta"))
                .onEvent(event -> out.println("  event: " + event.getClass().getSimpleName()))
                .build()) {

            crm.asSystem("frutas-ana", c -> c.users().create(
                    new UserDraft("marta", "Marta Puig", "marta@frutasana.es", Role.SALES_REP, null, null, "ca")));

            LeadView lead = crm.leads().create(new LeadDraft("Jordi", "Vidal", "Bar Vidal SL", null,
                    "jordi@barvidal.cat", "612 345 678", "B58378431", "feria", null, null, null, "Girona", "17001",
                    "Girona", "ES", "ca", 6, "Fruta de temporada", null));
            out.printf("Lead created: %s, phone %s, tax id %s, status %s%n", lead.displayName(), lead.phone(), lead.taxId(), lead.status());

            ConversionResult converted = crm.leads().convert(lead.id(), lead.version(),
                    LeadConversion.withOpportunity("Suministro semanal Bar Vidal", new BigDecimal("4800.00")));
            out.printf("Converted into account %s, contact %s, opportunity %s%n",
                    converted.accountId(), converted.contactId(), converted.opportunityId());

            crm.activities().create(ActivityDraft.logged(ActivityType.CALL, "Llamada de bienvenida", RecordType.ACCOUNT, converted.accountId()));

            PipelineView pipeline = crm.pipelines().defaultPipeline();
            out.println("Pipeline " + pipeline.name() + ":");
            for (var stage : pipeline.stages()) {
                long count = crm.opportunities().search(new OpportunityQuery(null, null, null, stage.id(), null, null), PageRequest.first(1)).total();
                out.printf("  %-18s %3d%%  %d deal(s)%n", stage.name(), stage.probability(), count);
            }

            OpportunityView deal = crm.opportunities().get(converted.opportunityId());
            deal = crm.opportunities().moveToStage(deal.id(), deal.version(), pipeline.stages().get(1).id(), null);
            out.printf("Deal '%s' moved to '%s' (weighted %s EUR)%n", deal.name(), deal.stageName(), deal.weightedAmount());

            CustomerCard card = crm.customerCards().card(converted.accountId());
            out.printf("Customer card of %s: %d contact(s), origin lead from '%s', %d timeline item(s)%n",
                    card.account().name(), card.contacts().size(),
                    card.originLead().map(LeadView::source).orElse("-"), card.timeline().size());
        }
    }
}
