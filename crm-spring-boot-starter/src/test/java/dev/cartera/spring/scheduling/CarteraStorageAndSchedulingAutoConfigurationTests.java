package dev.cartera.spring.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.Role;
import dev.cartera.core.activity.ActivityDraft;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.spi.CurrentUser;
import dev.cartera.core.spi.DocumentStore;
import dev.cartera.core.team.UserDraft;
import dev.cartera.docsstorage.FileSystemDocumentStore;
import dev.cartera.docsstorage.S3DocumentStore;
import dev.cartera.rules.CarteraRules;
import dev.cartera.spring.CarteraAutoConfiguration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CarteraStorageAndSchedulingAutoConfigurationTests {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, CarteraAutoConfiguration.class,
                    CarteraSchedulingAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:sched-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "cartera.documents.path=target/test-documents");

    @Test
    void documentsGoToDiskByDefaultAndToS3WhenAsked() {
        runner.run(context -> assertThat(context.getBean(DocumentStore.class)).isInstanceOf(FileSystemDocumentStore.class));
        runner.withPropertyValues("cartera.documents.storage=s3", "cartera.documents.s3.endpoint=http://127.0.0.1:9",
                        "cartera.documents.s3.bucket=docs", "cartera.documents.s3.access-key=a", "cartera.documents.s3.secret-key=b")
                .run(context -> assertThat(context.getBean(DocumentStore.class)).isInstanceOf(S3DocumentStore.class));
        runner.withPropertyValues("cartera.documents.storage=s3")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void jobsAreScheduledUnlessSwitchedOff() {
        runner.run(context -> assertThat(context).hasSingleBean(CarteraJobs.class).hasSingleBean(LockProvider.class));
        runner.withPropertyValues("cartera.scheduling.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CarteraJobs.class));
    }

    @Test
    void rulesArePluggedInUnlessSwitchedOff() {
        runner.run(context -> {
            CarteraRules rules = context.getBean(CarteraRules.class);
            assertThat(rules.ruleSets()).isNotNull();
            assertThat(rules.simulator()).isNotNull();
            assertThat(rules.runTimers("nadie")).isNotNull();
        });
        runner.withPropertyValues("cartera.rules.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(Cartera.class).doesNotHaveBean(CarteraRules.class));
    }

    @Test
    void theOverdueJobAlertsEveryTenantsOwners() {
        runner.withBean(CurrentUser.class, () -> () -> Optional.of("rep")).run(context -> {
            Cartera cartera = context.getBean(Cartera.class);
            for (String tenant : new String[] {"uno", "dos"}) {
                cartera.asSystem(tenant, crm -> {
                    UUID rep = crm.users().create(new UserDraft("rep", "Rep", null, Role.SALES_REP, null, null, "es")).id();
                    UUID account = crm.accounts().create(new AccountDraft(null, "Bar " + tenant, null, null, null, null, null,
                            null, null, null, null, null, null, null, true, false, false, rep, null, null, null)).id();
                    return crm.activities().create(new ActivityDraft(dev.cartera.core.activity.ActivityType.TODO, "Llamar",
                            null, RecordType.ACCOUNT, account, rep, Instant.now().minusSeconds(60), null, null, null, null, null, false));
                });
            }
            context.getBean(CarteraJobs.class).raiseOverdueAlerts();
            assertThat(cartera.tenants()).containsExactly("dos", "uno");
            for (String tenant : new String[] {"uno", "dos"}) {
                long alerts = cartera.asSystem(tenant, crm -> crm.transactions().read(work -> work.em()
                        .createQuery("select count(a) from Alert a where a.kind = :kind", Long.class)
                        .setParameter("kind", AlertKind.TASK_OVERDUE).getSingleResult()));
                assertThat(alerts).as("alerts in %s", tenant).isEqualTo(1);
            }
        });
    }
}
