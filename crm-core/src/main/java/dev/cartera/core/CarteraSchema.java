package dev.cartera.core;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Cartera's own migrations, in their own location and history table ({@code crm_schema_history}),
 * so a host application's Flyway setup is left alone and Cartera can share the host's schema.
 */
public final class CarteraSchema {
    public static final String LOCATION = "classpath:dev/cartera/db/migration";
    public static final String HISTORY_TABLE = "crm_schema_history";

    private CarteraSchema() {
    }

    public static int migrate(DataSource dataSource) {
        return Flyway.configure(CarteraSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // A host's schema is rarely empty: start our history at 0 so V1 still runs beside its tables.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** The entity classes Cartera maps; a host with its own JPA setup may list them too. */
    public static List<Class<?>> entityClasses() {
        return List.of(
                dev.cartera.core.account.Account.class, dev.cartera.core.account.Contact.class,
                dev.cartera.core.activity.Activity.class, dev.cartera.core.alert.Alert.class,
                dev.cartera.core.audit.AuditEntry.class, dev.cartera.core.campaign.Campaign.class,
                dev.cartera.core.campaign.CampaignMember.class, dev.cartera.core.catalog.PriceList.class,
                dev.cartera.core.catalog.PriceListItem.class, dev.cartera.core.catalog.Product.class,
                dev.cartera.core.catalog.Tax.class, dev.cartera.core.customfield.CustomFieldDefinition.class,
                dev.cartera.core.customfield.CustomFieldValue.class, dev.cartera.core.document.Document.class,
                dev.cartera.core.document.DocumentLink.class, dev.cartera.core.gdpr.Consent.class,
                dev.cartera.core.lead.Lead.class, dev.cartera.core.opportunity.LostReason.class,
                dev.cartera.core.opportunity.Opportunity.class,
                dev.cartera.core.opportunity.Pipeline.class, dev.cartera.core.opportunity.Stage.class,
                dev.cartera.core.opportunity.StageChange.class, dev.cartera.core.opportunity.StageVisit.class,
                dev.cartera.core.quote.Quote.class,
                dev.cartera.core.quote.QuoteLine.class, dev.cartera.core.team.CrmUser.class,
                dev.cartera.core.team.Office.class, dev.cartera.core.team.Target.class,
                dev.cartera.core.team.Team.class, dev.cartera.core.document.UploadLink.class,
                dev.cartera.core.calendar.CalendarFeed.class, dev.cartera.core.alert.AlertPreference.class,
                dev.cartera.core.imports.ImportRun.class,
                dev.cartera.core.imports.ImportRowError.class, dev.cartera.core.imports.ImportRowKey.class,
                dev.cartera.core.imports.ImportTemplate.class);
    }
}
