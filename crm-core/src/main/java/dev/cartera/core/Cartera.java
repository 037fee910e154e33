package dev.cartera.core;

import dev.cartera.core.access.AccessGuard;
import dev.cartera.core.access.AccessPolicy;
import dev.cartera.core.access.DefaultAccessPolicy;
import dev.cartera.core.account.AccountService;
import dev.cartera.core.account.ContactService;
import dev.cartera.core.activity.ActivityService;
import dev.cartera.core.alert.AlertService;
import dev.cartera.core.calendar.CalendarFeedService;
import dev.cartera.core.card.CustomerCardService;
import dev.cartera.core.document.CustomerUploadService;
import dev.cartera.core.document.DocumentPolicy;
import dev.cartera.core.document.DocumentService;
import dev.cartera.core.board.BoardService;
import dev.cartera.core.card.CustomerCardService;
import dev.cartera.core.catalog.CatalogService;
import dev.cartera.core.event.CrmEvent;
import dev.cartera.core.dedupe.DuplicateCheck;
import dev.cartera.core.dedupe.DuplicateService;
import dev.cartera.core.imports.ImportFileStore;
import dev.cartera.core.imports.ImportLimits;
import dev.cartera.core.imports.ImportService;
import dev.cartera.core.lead.LeadAssigner;
import dev.cartera.core.lead.LeadService;
import dev.cartera.core.alert.AlertService;
import dev.cartera.core.spi.Mailer;
import dev.cartera.core.opportunity.OpportunityService;
import dev.cartera.core.opportunity.PipelineService;
import dev.cartera.core.persistence.Transactions;
import dev.cartera.core.persistence.UnitOfWork;
import dev.cartera.core.quote.QuoteService;
import dev.cartera.core.spi.CurrentUser;
import dev.cartera.core.spi.DefaultMailer;
import dev.cartera.core.spi.DocumentStore;
import dev.cartera.core.spi.EventPublisher;
import dev.cartera.core.spi.InMemoryDocumentStore;
import dev.cartera.core.spi.Mailer;
import dev.cartera.core.spi.ResourceLocalTransactionRunner;
import dev.cartera.core.spi.TenantResolver;
import dev.cartera.core.spi.TransactionRunner;
import dev.cartera.core.team.UserService;
import dev.cartera.core.tenant.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.ValidationMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.LoggerFactory;

/**
 * The plain-Java entry point: give it a {@link DataSource} (and, optionally, the host's user, tenant,
 * clock, transactions and event listeners) and it migrates the schema, starts Hibernate and hands out
 * the CRM services. Close it when the host shuts down.
 *
 * <pre>{@code
 * Cartera crm = Cartera.builder()
 *         .dataSource(ds)
 *         .currentUser(() -> Optional.of(session.user()))
 *         .tenantResolver(() -> session.firm())
 *         .build();
 * crm.leads().create(LeadDraft.of("Ana", "García", "Frutas Ana SL", "ana@frutasana.es", null, "web"));
 * }</pre>
 */
public final class Cartera implements AutoCloseable {
    private final EntityManagerFactory entityManagerFactory;
    private final DataSource dataSource;
    private final Transactions transactions;
    private final MeterRegistry meterRegistry;
    private final LeadService leads;
    private final AccountService accounts;
    private final ContactService contacts;
    private final OpportunityService opportunities;
    private final PipelineService pipelines;
    private final ActivityService activities;
    private final UserService users;
    private final CustomerCardService customerCards;
    private final AlertService alerts;
    private final DocumentService documents;
    private final CustomerUploadService customerUploads;
    private final CalendarFeedService calendarFeeds;
    private final ZoneId zone;
    private final CatalogService catalog;
    private final QuoteService quotes;
    private final BoardService board;
    private final DuplicateService duplicates;
    private final ImportService imports;
    private final ExecutorService ownImportExecutor;
    private final Mailer mailer;

    private Cartera(Builder b) {
        if (b.migrate) {
            CarteraSchema.migrate(b.dataSource);
        }
        this.entityManagerFactory = startHibernate(b);
        this.dataSource = b.dataSource;
        this.meterRegistry = b.meterRegistry;
        EventPublisher publisher = b.listeners.isEmpty() ? b.eventPublisher : fanOut(b.eventPublisher, b.listeners);
        Map<Class<?>, Object> extensions = new HashMap<>();
        extensions.put(LeadAssigner.class, b.leadAssigner);
        extensions.put(Mailer.class, b.mailer);
        this.transactions = new Transactions(entityManagerFactory, b.transactionRunner, b.currentUser, b.tenantResolver,
                b.clock, new AccessGuard(b.accessPolicy), publisher, extensions);
        this.mailer = b.mailer;
        this.leads = new LeadService(transactions, b.duplicateCheck);
        this.accounts = new AccountService(transactions, b.duplicateCheck);
        this.contacts = new ContactService(transactions);
        this.opportunities = new OpportunityService(transactions);
        this.pipelines = new PipelineService(transactions);
        this.activities = new ActivityService(transactions);
        this.users = new UserService(transactions);
        this.customerCards = new CustomerCardService(transactions);
        this.alerts = new AlertService(transactions);
        this.documents = new DocumentService(transactions, b.documentStore(), b.documentPolicy);
        this.customerUploads = new CustomerUploadService(transactions, documents);
        this.calendarFeeds = new CalendarFeedService(transactions, b.zone);
        this.zone = b.zone;
        this.catalog = new CatalogService(transactions);
        this.quotes = new QuoteService(transactions, b.mailer, b.documentStore(), b.quoteLinkSecret(), b.publicQuoteLinkBase);
        this.board = new BoardService(transactions, pipelines);
        this.duplicates = new DuplicateService(transactions);
        this.ownImportExecutor = b.importExecutor == null ? Executors.newSingleThreadExecutor(daemon("cartera-import")) : null;
        ImportFileStore importFiles = b.importFileStore != null ? b.importFileStore
                : ImportFileStore.directory(Path.of(System.getProperty("java.io.tmpdir"), "cartera-imports"));
        this.imports = new ImportService(transactions, leads, importFiles,
                b.importExecutor != null ? b.importExecutor : ownImportExecutor, b.importLimits, b.meterRegistry);
        b.onStart.forEach(hook -> hook.accept(this));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    private static EntityManagerFactory startHibernate(Builder b) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.datasource", b.dataSource);
        settings.put("hibernate.tenant_identifier_resolver", new TenantContext());
        settings.put("hibernate.jdbc.batch_size", 50);
        // Not order_inserts: rows are linked by id columns Hibernate cannot see, so reordering could break foreign keys.
        settings.put("hibernate.order_inserts", false);
        settings.put("hibernate.order_updates", true);
        settings.put("hibernate.query.in_clause_parameter_padding", true);
        settings.put("hibernate.hbm2ddl.auto", "none");
        settings.putAll(b.hibernateSettings);
        return new HibernatePersistenceConfiguration("cartera")
                .managedClasses(managedClasses(b))
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .validationMode(ValidationMode.NONE)
                .properties(settings)
                .createEntityManagerFactory();
    }

    private static List<Class<?>> managedClasses(Builder b) {
        List<Class<?>> classes = new ArrayList<>(CarteraSchema.entityClasses());
        b.entityClasses.stream().filter(c -> !classes.contains(c)).forEach(classes::add);
        return classes;
    }

    private static EventPublisher fanOut(EventPublisher first, List<EventPublisher> more) {
        List<EventPublisher> all = new ArrayList<>();
        all.add(first);
        all.addAll(more);
        return event -> all.forEach(p -> p.publish(event));
    }

    public LeadService leads() {
        return leads;
    }

    public AccountService accounts() {
        return accounts;
    }

    public ContactService contacts() {
        return contacts;
    }

    public OpportunityService opportunities() {
        return opportunities;
    }

    public PipelineService pipelines() {
        return pipelines;
    }

    public ActivityService activities() {
        return activities;
    }

    public UserService users() {
        return users;
    }

    public CustomerCardService customerCards() {
        return customerCards;
    }

    public AlertService alerts() {
        return alerts;
    }

    public DocumentService documents() {
        return documents;
    }

    public CustomerUploadService customerUploads() {
        return customerUploads;
    }

    public CalendarFeedService calendarFeeds() {
        return calendarFeeds;
    }

    /** The firm's time zone: month boundaries, "today", calendar feeds. */
    public ZoneId zone() {
        return zone;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public QuoteService quotes() {
        return quotes;
    }

    public BoardService board() {
        return board;
    }

    public DuplicateService duplicates() {
        return duplicates;
    }

    public ImportService imports() {
        return imports;
    }

    /** The host's mail service (default: logs and sends nothing). */
    public Mailer mailer() {
        return mailer;
    }

    public Transactions transactions() {
        return transactions;
    }

    public MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /** Every tenant that has CRM users: what periodic jobs iterate over. */
    public List<String> tenants() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select distinct tenant_id from crm_user order by tenant_id");
                ResultSet rs = s.executeQuery()) {
            List<String> tenants = new ArrayList<>();
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
            return tenants;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list tenants", e);
        }
    }

    /** Runs service calls as the tenant's system actor: set-up, imports, jobs. Calls inside join one transaction. */
    public <T> T asSystem(String tenantId, Function<Cartera, T> work) {
        return transactions.asSystem(tenantId, (UnitOfWork unit) -> work.apply(this));
    }

    @Override
    public void close() {
        if (ownImportExecutor != null) {
            // Running imports stop between chunks and stay resumable.
            ownImportExecutor.shutdownNow();
            try {
                ownImportExecutor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        entityManagerFactory.close();
    }

    public static final class Builder {
        private DataSource dataSource;
        private CurrentUser currentUser = Optional::empty;
        private TenantResolver tenantResolver = TenantResolver.fixed(TenantResolver.DEFAULT_TENANT);
        private Clock clock = Clock.systemUTC();
        private TransactionRunner transactionRunner = new ResourceLocalTransactionRunner();
        private EventPublisher eventPublisher = EventPublisher.NONE;
        private final List<EventPublisher> listeners = new ArrayList<>();
        private AccessPolicy accessPolicy = new DefaultAccessPolicy();
        private MeterRegistry meterRegistry = new SimpleMeterRegistry();
        private final Map<String, Object> hibernateSettings = new HashMap<>();
        private boolean migrate = true;
        private DocumentStore documentStore;
        private ZoneId zone = ZoneId.of("Europe/Madrid");
        private DocumentPolicy documentPolicy = DocumentPolicy.defaults();
        private Mailer mailer = new DefaultMailer();
        private byte[] quoteLinkSecret;
        private String publicQuoteLinkBase = "http://localhost/crm/public/quotes/";
        private DuplicateCheck duplicateCheck = DuplicateCheck.WARN;
        private Executor importExecutor;
        private ImportFileStore importFileStore;
        private ImportLimits importLimits = ImportLimits.defaults();
        private LeadAssigner leadAssigner = LeadAssigner.NONE;
        private final List<Class<?>> entityClasses = new ArrayList<>();
        private final List<java.util.function.Consumer<Cartera>> onStart = new ArrayList<>();

        private Builder() {
        }

        /**
         * What creating a lead or an account does about likely duplicates: OFF, WARN (default: leads hand
         * the candidates back through {@code createChecked}) or BLOCK (refused without an explicit override).
         */
        public Builder duplicateCheck(DuplicateCheck duplicateCheck) {
            this.duplicateCheck = Objects.requireNonNull(duplicateCheck);
            return this;
        }

        /** Where import runs go on; the host owns it (and shuts it down). Default: one daemon thread of Cartera's own. */
        public Builder importExecutor(Executor importExecutor) {
            this.importExecutor = Objects.requireNonNull(importExecutor);
            return this;
        }

        /** Where uploaded files wait; a cluster shares one. Default: {@code <java.io.tmpdir>/cartera-imports}. */
        public Builder importFileStore(ImportFileStore importFileStore) {
            this.importFileStore = Objects.requireNonNull(importFileStore);
            return this;
        }

        public Builder importLimits(ImportLimits importLimits) {
            this.importLimits = Objects.requireNonNull(importLimits);
            return this;
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder currentUser(CurrentUser currentUser) {
            this.currentUser = Objects.requireNonNull(currentUser);
            return this;
        }

        public Builder tenantResolver(TenantResolver tenantResolver) {
            this.tenantResolver = Objects.requireNonNull(tenantResolver);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder transactionRunner(TransactionRunner transactionRunner) {
            this.transactionRunner = Objects.requireNonNull(transactionRunner);
            return this;
        }

        public Builder eventPublisher(EventPublisher eventPublisher) {
            this.eventPublisher = Objects.requireNonNull(eventPublisher);
            return this;
        }

        /** Adds a listener beside the publisher; handy for plain-Java hosts and tests. */
        public Builder onEvent(java.util.function.Consumer<CrmEvent> listener) {
            listeners.add(listener::accept);
            return this;
        }

        public Builder accessPolicy(AccessPolicy accessPolicy) {
            this.accessPolicy = Objects.requireNonNull(accessPolicy);
            return this;
        }

        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry);
            return this;
        }

        public Builder hibernateSetting(String name, Object value) {
            hibernateSettings.put(name, value);
            return this;
        }

        /** The firm's time zone (default Europe/Madrid). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /**
         * Where document contents live (uploads, quote PDFs): {@code FileSystemDocumentStore} or
         * {@code S3DocumentStore} from crm-docs-storage. Without one they are kept in memory only.
         */
        public Builder documentStore(DocumentStore documentStore) {
            this.documentStore = Objects.requireNonNull(documentStore);
            return this;
        }

        /** Size limit and allowed media types of uploads; {@link DocumentPolicy#defaults()} unless set. */
        public Builder documentPolicy(DocumentPolicy documentPolicy) {
            this.documentPolicy = Objects.requireNonNull(documentPolicy);
            return this;
        }

        /** Skip Cartera's own Flyway run, when the host applies the migrations itself. */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /** Chooses owners for leads created without one (crm-rules plugs its assignment rules in here). */
        public Builder leadAssigner(LeadAssigner leadAssigner) {
            this.leadAssigner = Objects.requireNonNull(leadAssigner);
            return this;
        }

        public Builder mailer(Mailer mailer) {
            this.mailer = Objects.requireNonNull(mailer);
            return this;
        }

        /**
         * The installation's secret (at least 32 bytes) that signs the links customers get to their
         * quotes. Every node must share it; without one, a random secret is made per start and links
         * stop working after a restart.
         */
        public Builder quoteLinkSecret(byte[] secret) {
            if (secret == null || secret.length < 32) {
                throw new IllegalArgumentException("the quote link secret needs at least 32 bytes");
            }
            this.quoteLinkSecret = secret.clone();
            return this;
        }

        /** The public address the token is appended to, e.g. {@code https://crm.example.es/crm/public/quotes/}. */
        public Builder publicQuoteLinkBase(String base) {
            this.publicQuoteLinkBase = Objects.requireNonNull(base);
            return this;
        }

        private DocumentStore documentStore() {
            if (documentStore == null) {
                LoggerFactory.getLogger(Cartera.class).warn("No DocumentStore configured: documents are kept in memory and lost on restart");
                documentStore = new InMemoryDocumentStore();
            }
            return documentStore;
        }

        private byte[] quoteLinkSecret() {
            if (quoteLinkSecret == null) {
                LoggerFactory.getLogger(Cartera.class).warn("No quote link secret configured: customer links to quotes will not survive a restart");
                quoteLinkSecret = new byte[32];
                new SecureRandom().nextBytes(quoteLinkSecret);
            }
            return quoteLinkSecret;
        }

        /**
         * Entities of other modules (crm-rules…) mapped beside {@link CarteraSchema#entityClasses()}; their
         * tables come from Cartera's own migrations.
         */
        public Builder entityClasses(Class<?>... classes) {
            entityClasses.addAll(List.of(classes));
            return this;
        }

        /** Runs once the Cartera is built, before {@code build()} returns: modules bind to it here. */
        public Builder onStart(java.util.function.Consumer<Cartera> hook) {
            onStart.add(Objects.requireNonNull(hook));
            return this;
        }

        public Cartera build() {
            Objects.requireNonNull(dataSource, "dataSource");
            return new Cartera(this);
        }
    }
}
