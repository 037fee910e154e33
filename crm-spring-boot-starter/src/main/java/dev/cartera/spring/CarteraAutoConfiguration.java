package dev.cartera.spring;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.AccessPolicy;
import dev.cartera.core.access.DefaultAccessPolicy;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.account.ContactService;
import dev.cartera.core.activity.ActivityService;
import dev.cartera.core.alert.AlertService;
import dev.cartera.core.calendar.CalendarFeedService;
import dev.cartera.core.card.CustomerCardService;
import dev.cartera.core.dedupe.DuplicateService;
import dev.cartera.core.document.CustomerUploadService;
import dev.cartera.core.imports.ImportService;
import dev.cartera.reporting.CarteraReports;
import dev.cartera.reporting.ReportSettings;
import dev.cartera.core.document.DocumentPolicy;
import dev.cartera.core.document.DocumentService;
import dev.cartera.core.spi.DocumentStore;
import dev.cartera.docsstorage.FileSystemDocumentStore;
import dev.cartera.docsstorage.S3Clients;
import dev.cartera.docsstorage.S3DocumentStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.opportunity.PipelineService;
import dev.cartera.core.board.BoardService;
import dev.cartera.core.catalog.CatalogService;
import dev.cartera.core.quote.Branding;
import dev.cartera.core.quote.QuoteService;
import dev.cartera.core.spi.CurrentUser;
import dev.cartera.core.spi.DefaultMailer;
import dev.cartera.core.spi.Mailer;
import java.nio.charset.StandardCharsets;
import dev.cartera.core.spi.EventPublisher;
import dev.cartera.core.spi.ResourceLocalTransactionRunner;
import dev.cartera.core.spi.TenantResolver;
import dev.cartera.core.spi.TransactionRunner;
import dev.cartera.core.team.UserService;
import dev.cartera.rules.CarteraRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Builds Cartera from the host's {@link DataSource} through the same {@link Cartera#builder()} a
 * plain-Java host uses. Every bean backs off when the host defines its own; the SPIs (user, tenant,
 * clock, transactions, events, access policy) are the usual places to plug in.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration"})
@ConditionalOnClass(Cartera.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "cartera", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(CarteraProperties.class)
public class CarteraAutoConfiguration {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CarteraAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public TenantResolver carteraTenantResolver(CarteraProperties properties) {
        return TenantResolver.fixed(properties.tenant().defaultId());
    }

    @Bean
    @ConditionalOnMissingBean
    public CurrentUser carteraAnonymousUser() {
        return Optional::empty;
    }

    @Bean
    @ConditionalOnMissingBean
    public TransactionRunner carteraTransactionRunner() {
        return new ResourceLocalTransactionRunner();
    }

    @Bean
    @ConditionalOnMissingBean
    public AccessPolicy carteraAccessPolicy() {
        return new DefaultAccessPolicy();
    }

    /** Cartera's events become Spring application events: a host listens with {@code @EventListener}. */
    @Bean
    @ConditionalOnMissingBean
    public EventPublisher carteraEventPublisher(ApplicationEventPublisher publisher) {
        return publisher::publishEvent;
    }

    /** Uploads on disk under {@code cartera.documents.path} unless S3 is chosen or the host brings its own store. */
    @Bean
    @ConditionalOnMissingBean
    public DocumentStore carteraDocumentStore(CarteraProperties properties) {
        return new FileSystemDocumentStore(Path.of(properties.documents().path()));
    }

    /** {@code cartera.documents.storage=s3}: an S3-compatible bucket; needs the AWS SDK on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "software.amazon.awssdk.services.s3.S3Client")
    @ConditionalOnProperty(prefix = "cartera.documents", name = "storage", havingValue = "s3")
    static class S3Storage {
        @Bean
        @ConditionalOnMissingBean
        DocumentStore carteraDocumentStore(CarteraProperties properties) {
            CarteraProperties.Documents documents = properties.documents();
            CarteraProperties.S3 s3 = documents.s3();
            if (s3.endpoint() == null || s3.bucket() == null) {
                throw new IllegalStateException("cartera.documents.storage=s3 needs cartera.documents.s3.endpoint and .bucket");
            }
            return new S3DocumentStore(S3Clients.forEndpoint(URI.create(s3.endpoint()), s3.region(), s3.accessKey(), s3.secretKey()),
                    s3.bucket(), s3.prefix(), Path.of(documents.path(), ".staging"));
        }
    }

    /** With {@code spring-boot-starter-mail} configured ({@code spring.mail.host}), quotes go out through it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.mail.javamail.JavaMailSender")
    @ConditionalOnBean(type = "org.springframework.mail.javamail.JavaMailSender")
    static class SpringMail {
        @Bean
        @ConditionalOnMissingBean
        Mailer carteraMailer(org.springframework.mail.javamail.JavaMailSender sender, CarteraProperties properties) {
            return new SpringMailer(sender, properties.mail().from());
        }
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Cartera cartera(DataSource dataSource, CarteraProperties properties, TenantResolver tenantResolver,
            CurrentUser currentUser, TransactionRunner transactionRunner, AccessPolicy accessPolicy,
            EventPublisher eventPublisher, DocumentStore documentStore, Mailer mailer, ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<CarteraCustomizer> customizers) {
        DocumentPolicy defaults = DocumentPolicy.defaults();
        Cartera.Builder builder = Cartera.builder()
                .dataSource(dataSource)
                .tenantResolver(tenantResolver)
                .currentUser(currentUser)
                .transactionRunner(transactionRunner)
                .accessPolicy(accessPolicy)
                .eventPublisher(eventPublisher)
                .clock(clock.getIfAvailable(Clock::systemUTC))
                .meterRegistry(meterRegistry.getIfAvailable(SimpleMeterRegistry::new))
                .documentStore(documentStore)
                .documentPolicy(new DocumentPolicy(properties.documents().maxSize().toBytes(), defaults.allowedMediaTypes()))
                .zone(ZoneId.of(properties.zone()))
                .duplicateCheck(properties.duplicateCheck())
                .migrate(properties.schema().migrate())
                .mailer(mailer)
                .publicQuoteLinkBase(publicQuoteLinkBase(properties));
        String secret = properties.quotes().linkSecret();
        if (secret != null && !secret.isBlank()) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("cartera.quotes.link-secret needs at least 32 bytes");
            }
            builder.quoteLinkSecret(bytes);
        } else {
            log.warn("cartera.quotes.link-secret is not set: customer links to quotes will stop working after a restart");
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * Where a customer's quote link points: {@code cartera.public-url} + the UI's base path +
     * {@code /public/quotes/}, the public quote page of the web UI.
     */
    static String publicQuoteLinkBase(CarteraProperties properties) {
        String url = properties.publicUrl().endsWith("/")
                ? properties.publicUrl().substring(0, properties.publicUrl().length() - 1) : properties.publicUrl();
        String base = properties.web().basePath();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return url + base + "/public/quotes/";
    }

    /** Sends nothing and says so; a host with Spring's mail support gets {@link SpringMailer} instead. */
    @Bean
    @ConditionalOnMissingBean
    public Mailer carteraMailer() {
        return new DefaultMailer();
    }

    /** Quote PDFs in the firm's name and colour as the UI shows them ({@code cartera.web.ui.*}). */
    @Bean
    @ConditionalOnMissingBean
    public QuoteBrandingProvider carteraQuoteBrandingProvider(CarteraProperties properties,
            org.springframework.core.env.Environment environment) {
        String firm = environment.getProperty("cartera.web.ui.firm-name");
        Branding branding = new Branding(firm == null || firm.isBlank() ? properties.web().productName() : firm, null,
                environment.getProperty("cartera.web.ui.primary-color"), null);
        return tenant -> branding;
    }

    @Bean
    @ConditionalOnMissingBean
    public CatalogService carteraCatalogService(Cartera cartera) {
        return cartera.catalog();
    }

    @Bean
    @ConditionalOnMissingBean
    public QuoteService carteraQuoteService(Cartera cartera) {
        return cartera.quotes();
    }

    @Bean
    @ConditionalOnMissingBean
    public BoardService carteraBoardService(Cartera cartera) {
        return cartera.board();
    }

    @Bean
    @ConditionalOnMissingBean
    public LeadService carteraLeadService(Cartera cartera) {
        return cartera.leads();
    }

    @Bean
    @ConditionalOnMissingBean
    public AccountService carteraAccountService(Cartera cartera) {
        return cartera.accounts();
    }

    @Bean
    @ConditionalOnMissingBean
    public ContactService carteraContactService(Cartera cartera) {
        return cartera.contacts();
    }

    @Bean
    @ConditionalOnMissingBean
    public OpportunityService carteraOpportunityService(Cartera cartera) {
        return cartera.opportunities();
    }

    @Bean
    @ConditionalOnMissingBean
    public PipelineService carteraPipelineService(Cartera cartera) {
        return cartera.pipelines();
    }

    @Bean
    @ConditionalOnMissingBean
    public ActivityService carteraActivityService(Cartera cartera) {
        return cartera.activities();
    }

    @Bean
    @ConditionalOnMissingBean
    public UserService carteraUserService(Cartera cartera) {
        return cartera.users();
    }

    @Bean
    @ConditionalOnMissingBean
    public CustomerCardService carteraCustomerCardService(Cartera cartera) {
        return cartera.customerCards();
    }

    @Bean
    @ConditionalOnMissingBean
    public AlertService carteraAlertService(Cartera cartera) {
        return cartera.alerts();
    }

    @Bean
    @ConditionalOnMissingBean
    public DocumentService carteraDocumentService(Cartera cartera) {
        return cartera.documents();
    }

    @Bean
    @ConditionalOnMissingBean
    public CustomerUploadService carteraCustomerUploadService(Cartera cartera) {
        return cartera.customerUploads();
    }

    @Bean
    @ConditionalOnMissingBean
    public CalendarFeedService carteraCalendarFeedService(Cartera cartera) {
        return cartera.calendarFeeds();
    }

    @Bean
    @ConditionalOnMissingBean
    public ImportService carteraImportService(Cartera cartera) {
        return cartera.imports();
    }

    @Bean
    @ConditionalOnMissingBean
    public DuplicateService carteraDuplicateService(Cartera cartera) {
        return cartera.duplicates();
    }

    /**
     * Drools rules (lead assignment, automation) when crm-rules is on the class path; off with
     * {@code cartera.rules.enabled=false}. The rules plug into the builder before Cartera is built.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CarteraRules.class)
    @ConditionalOnProperty(prefix = "cartera.rules", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class Rules {
        @Bean
        @ConditionalOnMissingBean
        RulesInstaller carteraRulesInstaller(org.springframework.beans.factory.ObjectProvider<dev.cartera.rules.RulesOptions> options) {
            // A host grants raw DRL (off by default) or changes the chain depth with a RulesOptions bean.
            return new RulesInstaller(options.getIfAvailable(dev.cartera.rules.RulesOptions::defaults));
        }

        @Bean
        @ConditionalOnMissingBean
        CarteraRules carteraRules(Cartera cartera, RulesInstaller installer) {
            return installer.installed();
        }
    }

    /** Installs crm-rules on the builder and keeps what it installed, for the {@code CarteraRules} bean. */
    public static final class RulesInstaller implements CarteraCustomizer {
        private final dev.cartera.rules.RulesOptions options;
        private volatile CarteraRules installed;

        public RulesInstaller() {
            this(dev.cartera.rules.RulesOptions.defaults());
        }

        public RulesInstaller(dev.cartera.rules.RulesOptions options) {
            this.options = options;
        }

        @Override
        public void customize(Cartera.Builder builder) {
            installed = CarteraRules.install(builder, options);
        }

        CarteraRules installed() {
            if (installed == null) {
                throw new IllegalStateException("the Cartera bean was built without Cartera's customizers");
            }
            return installed;
        }
    }

    /**
     * How reports cut time: {@code cartera.reports.fiscal-year-start} (a month number, 1 by default) and
     * {@code cartera.reports.time-zone} (Europe/Madrid by default).
     */
    @Bean
    @ConditionalOnMissingBean
    public ReportSettings carteraReportSettings(org.springframework.core.env.Environment environment) {
        ReportSettings settings = ReportSettings.defaults();
        int month = environment.getProperty("cartera.reports.fiscal-year-start", Integer.class, 1);
        String zone = environment.getProperty("cartera.reports.time-zone");
        settings = settings.withFiscalYearStart(java.time.Month.of(month));
        return zone == null ? settings : settings.withZone(java.time.ZoneId.of(zone));
    }

    @Bean
    @ConditionalOnMissingBean
    public CarteraReports carteraReports(Cartera cartera, ReportSettings settings) {
        return CarteraReports.create(cartera, settings);
    }

    @Bean
    @ConditionalOnMissingBean
    public dev.cartera.spring.reporting.StandardReportCatalog carteraStandardReportCatalog(CarteraReports reports,
            ReportSettings settings, Cartera cartera) {
        return new dev.cartera.spring.reporting.StandardReportCatalog(reports, settings, cartera.transactions().clock());
    }

    /** With Spring Security on the classpath, the caller is the authenticated (not anonymous) principal's name. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SecurityContextHolder.class)
    static class SpringSecurityUser {
        @Bean
        @ConditionalOnMissingBean
        CurrentUser carteraCurrentUser() {
            AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
            return () -> Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                    .filter(trust::isAuthenticated)
                    .map(Authentication::getName);
        }
    }
}
