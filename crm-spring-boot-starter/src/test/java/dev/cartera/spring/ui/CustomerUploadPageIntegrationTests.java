package dev.cartera.spring.ui;

import static dev.cartera.spring.ui.CustomerCardIntegrationTests.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.document.DocumentView;
import java.util.UUID;
import java.util.regex.Matcher;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The page a customer opens from an upload link, anonymously: the firm's branding, whose card and
 * until when, several files at once, a thank-you page; what arrives lands on the card and alerts the
 * owner. Dead links — unknown, tampered, expired — get a friendly 404.
 */
class CustomerUploadPageIntegrationTests extends UiIntegrationTestSupport {
    @Autowired
    DataSource dataSource;

    private String tenant;
    private UUID account;
    private String token;

    @BeforeEach
    void anaSendsHerCustomerAnUploadLink() throws Exception {
        tenant = newTenant();
        account = signedIn("ana", tenant, () -> cartera.accounts().create(AccountDraft.company("Clínica Dental Ribera")).id());
        String fragment = mvc.perform(post("/crm/accounts/{id}/upload-links", account).param("days", "7")
                        .with(as("ana", tenant)).with(csrf()).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();
        Matcher url = DocumentsUiIntegrationTests.UPLOAD_URL.matcher(fragment);
        assertThat(url.find()).isTrue();
        token = url.group(1).substring(url.group(1).lastIndexOf('/') + 1);
    }

    @Test
    void theCustomerSeesABrandedMobilePageWithoutTheCrmAround() throws Exception {
        String page = mvc.perform(get("/crm/public/upload/{token}", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">",
                "data-testid=\"public-firm\">Ferretería Martínez SL<", "--cartera-primary: #1d4ed8;",
                "Los documentos se añadirán a la ficha de Clínica Dental Ribera.", "data-testid=\"upload-expires\"",
                "quedan 20 envíos", "name=\"files\"", "multiple", "enctype=\"multipart/form-data\"", "name=\"_csrf\"");
        assertThat(page).doesNotContain("data-testid=\"topbar\"", "data-testid=\"nav\"", "data-testid=\"alert-bell\"", "data-alert-stream");
        assertThat(mvc.perform(get("/crm/public/upload/{token}", token).param("lang", "en")).andReturn().getResponse()
                .getContentAsString()).contains("The documents will be added to the file of Clínica Dental Ribera.");
    }

    @Test
    void uploadedFilesLandOnTheCardAndAlertTheOwner() throws Exception {
        String thanks = mvc.perform(multipart("/crm/public/upload/{token}", token)
                        .file(new MockMultipartFile("files", "contrato-firmado.pdf", "application/pdf", DocumentsUiIntegrationTests.PDF))
                        .file(new MockMultipartFile("files", "dni.txt", "text/plain", "DNI 12345678Z".getBytes()))
                        .with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(thanks).contains("data-testid=\"upload-thanks\"", "¡Gracias!", "Clínica Dental Ribera", "contrato-firmado.pdf", "dni.txt");
        String card = mvc.perform(get("/crm/accounts/{id}", account).with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(section(card, "card-documents")).contains("contrato-firmado.pdf", "dni.txt", "data-testid=\"from-customer\"",
                "Aportado por el cliente");
        assertThat(card).contains("data-testid=\"card-alert-DOCUMENT_UPLOADED\"", "data-count=\"2\"");
        String panel = mvc.perform(get("/crm/alerts").header("HX-Request", "true").with(as("ana", tenant))).andReturn().getResponse()
                .getContentAsString();
        assertThat(panel).contains("Clínica Dental Ribera ha enviado un documento: contrato-firmado.pdf", "bi-file-earmark-arrow-up");
        DocumentView doc = signedIn("ana", tenant, () -> cartera.documents().ofRecord(RecordType.ACCOUNT, account).stream()
                .filter(d -> d.name().equals("contrato-firmado.pdf")).findFirst().orElseThrow());
        assertThat(doc.providedByCustomer()).isTrue();
        assertThat(doc.mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void aRejectedFileIsExplainedAndTheOthersAreKept() throws Exception {
        String page = mvc.perform(multipart("/crm/public/upload/{token}", token)
                        .file(new MockMultipartFile("files", "foto.pdf", "application/pdf", DocumentsUiIntegrationTests.PDF))
                        .file(new MockMultipartFile("files", "pagina.pdf", "application/pdf", "<html><body>x</body></html>".getBytes()))
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-testid=\"upload-page\"", "Recibidos: foto.pdf",
                "pagina.pdf: Este tipo de archivo no se admite.", "data-testid=\"public-upload-form\"");
        assertThat(signedIn("ana", tenant, () -> cartera.documents().ofRecord(RecordType.ACCOUNT, account))).hasSize(1);
        mvc.perform(multipart("/crm/public/upload/{token}", token).with(csrf())).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void unknownTamperedAndExpiredLinksGetAFriendlyNotFoundPage() throws Exception {
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        for (String dead : new String[] {"no-such-token", tampered}) {
            String page = mvc.perform(get("/crm/public/upload/{token}", dead)).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("data-testid=\"upload-invalid\"", "Este enlace no es válido").doesNotContain("Exception", "Clínica");
        }

        new JdbcTemplate(dataSource).update("update crm_upload_link set expires_at = ? where account_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), account);

        mvc.perform(get("/crm/public/upload/{token}", token).param("lang", "ca")).andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Aquest enllaç no és vàlid")));
        mvc.perform(multipart("/crm/public/upload/{token}", token)
                        .file(new MockMultipartFile("files", "tarde.pdf", "application/pdf", DocumentsUiIntegrationTests.PDF)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(signedIn("ana", tenant, () -> cartera.documents().ofRecord(RecordType.ACCOUNT, account))).isEmpty();
    }
}
