package dev.cartera.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cartera.core.Cartera;
import dev.cartera.core.board.BoardService;
import dev.cartera.core.catalog.CatalogService;
import dev.cartera.core.quote.QuoteService;
import dev.cartera.core.spi.DefaultMailer;
import dev.cartera.core.spi.Mailer;
import dev.cartera.core.testing.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The issue 6 beans of the auto-configuration: catalogue, quotes and board services; the quote link
 * (secret and public address); and the mailer — Spring's mail when the host configured it, sent for
 * real to an in-process SMTP server, else the core's logging default.
 */
class CarteraMailAndQuoteLinkAutoConfigurationTests {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class, CarteraAutoConfiguration.class))
            .withBean(DataSource.class, TestDatabases::freshH2);

    @Test
    void exposesTheCatalogueQuotesAndBoardAndMailsNothingWithoutAMailServer() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(CatalogService.class)
                .hasSingleBean(QuoteService.class)
                .hasSingleBean(BoardService.class)
                .hasSingleBean(QuoteBrandingProvider.class)
                .getBean(Mailer.class).isInstanceOf(DefaultMailer.class));
    }

    @Test
    void withoutSpringMailOnTheClassPathTheDefaultMailerStays() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.mail"))
                .withPropertyValues("spring.mail.host=localhost")
                .run(context -> assertThat(context).hasNotFailed().getBean(Mailer.class).isInstanceOf(DefaultMailer.class));
    }

    @Test
    void aConfiguredSpringMailSendsCarterasMailWithItsAttachment() {
        runner.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP.getSmtp().getPort(),
                        "cartera.mail.from=ventas@suministroslevante.es")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Mailer mailer = context.getBean(Mailer.class);
                    assertThat(mailer).isInstanceOf(SpringMailer.class);

                    mailer.send(new Mailer.Message("compras@libreriasol.es", "Presupuesto P-2026-0001", "Le enviamos el presupuesto.",
                            List.of(new Mailer.Attachment("Presupuesto-P-2026-0001-v1.pdf", "application/pdf",
                                    "%PDF-1.4 prueba".getBytes(StandardCharsets.US_ASCII)))));

                    MimeMessage received = SMTP.getReceivedMessages()[0];
                    assertThat(received.getSubject()).isEqualTo("Presupuesto P-2026-0001");
                    assertThat(received.getFrom()[0].toString()).isEqualTo("ventas@suministroslevante.es");
                    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("compras@libreriasol.es");
                    MimeMultipart parts = (MimeMultipart) received.getContent();
                    assertThat(GreenMailUtil.getBody(received)).contains("Presupuesto-P-2026-0001-v1.pdf");
                    assertThat(parts.getCount()).isEqualTo(2);
                });
    }

    @Test
    void theCustomersLinkIsBuiltOnThePublicUrlAndTheUiBasePath() {
        runner.withPropertyValues("cartera.public-url=https://crm.example.es/", "cartera.web.base-path=/ventas/",
                        "cartera.quotes.link-secret=an-installation-secret-of-at-least-32-bytes")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(CarteraAutoConfiguration.publicQuoteLinkBase(context.getBean(CarteraProperties.class)))
                            .isEqualTo("https://crm.example.es/ventas/public/quotes/");
                    assertThat(context.getBean(CarteraProperties.class).quotes().toString()).doesNotContain("installation-secret");
                    assertThat(context.getBean(Cartera.class)).isNotNull();
                });
    }

    @Test
    void aLinkSecretShorterThan32BytesStopsTheStart() {
        runner.withPropertyValues("cartera.quotes.link-secret=too-short")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasRootCauseMessage("cartera.quotes.link-secret needs at least 32 bytes"));
    }
}
