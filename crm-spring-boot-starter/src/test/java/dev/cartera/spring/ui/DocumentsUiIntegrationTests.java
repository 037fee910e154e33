package dev.cartera.spring.ui;

import static dev.cartera.spring.ui.CustomerCardIntegrationTests.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.account.AccountDraft;
import dev.cartera.core.common.PageRequest;
import dev.cartera.core.common.RecordType;
import dev.cartera.core.document.DocumentCategory;
import dev.cartera.core.document.DocumentQuery;
import dev.cartera.core.document.DocumentView;
import dev.cartera.core.records.RecordRef;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** Documents on the customer card and across the firm (KD-7): upload, errors, links, download, delete, customer links. */
class DocumentsUiIntegrationTests extends UiIntegrationTestSupport {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final Pattern UPLOAD_URL = Pattern.compile("value=\"(http://localhost/crm/public/upload/[^\"]+)\"");

    private String tenant;
    private UUID account;

    @BeforeEach
    void aCustomerOfAna() {
        tenant = newTenant();
        account = signedIn("ana", tenant, () -> cartera.accounts().create(AccountDraft.company("Carpintería Roig")).id());
    }

    @Test
    void theCardHasAnEmptyDocumentsSectionWithItsActions() throws Exception {
        String card = mvc.perform(get("/crm/accounts/{id}", account).with(as("ana", tenant))).andReturn().getResponse().getContentAsString();

        assertThat(section(card, "card-documents")).contains("Todavía no hay documentos.", "data-testid=\"upload-form\"",
                "enctype=\"multipart/form-data\"", "data-testid=\"link-form\"", "data-testid=\"upload-link-form\"",
                "Pedir documentos al cliente");
    }

    @Test
    void uploadsAPdfAndListsItWithCategorySizeAndDownload() throws Exception {
        String fragment = mvc.perform(multipart("/crm/accounts/{id}/documents", account)
                        .file(new MockMultipartFile("file", "presupuesto.pdf", "application/pdf", PDF))
                        .param("category", "OFFER").with(as("ana", tenant)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).startsWith("<section id=\"card-documents\"").doesNotContain("<html");
        assertThat(fragment).contains("Documento guardado: presupuesto.pdf", ">presupuesto.pdf<", ">Oferta<", PDF.length + "\u00a0B");
        DocumentView stored = signedIn("ana", tenant, () -> cartera.documents().ofRecord(RecordType.ACCOUNT, account).get(0));
        assertThat(fragment).contains("href=\"/crm/documents/" + stored.id() + "/download\"");

        mvc.perform(get("/crm/documents/{id}/download", stored.id()).with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")));
        mvc.perform(get("/crm/documents/{id}/download", stored.id()).with(as("ana", newTenant()))).andExpect(status().isNotFound());
        assertThat(section(mvc.perform(get("/crm/accounts/{id}", account).with(as("ana", tenant))).andReturn().getResponse()
                .getContentAsString(), "card-documents")).contains("presupuesto.pdf");
    }

    @Test
    void refusesEmptyOversizedAndDisguisedFilesWithTranslatedErrors() throws Exception {
        assertThat(upload("vacio.pdf", new byte[0], null)).contains("data-testid=\"upload-error\"", "El archivo está vacío.");
        assertThat(upload("enorme.pdf", bigPdf(), null)).contains("El archivo es demasiado grande: como máximo 64\u00a0KB.");
        assertThat(upload("factura.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), null))
                .contains("Este tipo de archivo no se admite.");
        assertThat(upload("vacio.pdf", new byte[0], "en")).contains("The file is empty.");
        assertThat(upload("enorme.pdf", bigPdf(), "ca")).contains("El fitxer és massa gran: com a màxim 64\u00a0KB.");
        assertThat(signedIn("ana", tenant, () -> cartera.documents().ofRecord(RecordType.ACCOUNT, account))).isEmpty();
    }

    @Test
    void linksAnExternalDocumentAndExplainsABadAddress() throws Exception {
        String bad = mvc.perform(post("/crm/accounts/{id}/documents/link", account).param("url", "ftp://archivo")
                        .with(as("ana", tenant)).with(csrf()).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("data-testid=\"error-url\"", "Escribe una dirección que empiece por https://");

        String ok = mvc.perform(post("/crm/accounts/{id}/documents/link", account).param("url", "https://drive.google.com/file/d/abc")
                        .param("name", "Contrato firmado").param("category", "CONTRACT")
                        .with(as("ana", tenant)).with(csrf()).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(ok).contains(">Contrato firmado<", "href=\"https://drive.google.com/file/d/abc\"", "Enlace externo", ">Contrato<");
    }

    @Test
    void deletesAndRestoresADocument() throws Exception {
        DocumentView doc = signedIn("ana", tenant, () -> cartera.documents().upload("albaran.pdf", DocumentCategory.INVOICE,
                List.of(new RecordRef(RecordType.ACCOUNT, account)), new ByteArrayInputStream(PDF)));

        String deleted = mvc.perform(post("/crm/accounts/{id}/documents/{doc}/delete", account, doc.id())
                        .with(as("ana", tenant)).with(csrf()).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(deleted).contains("Documento eliminado: albaran.pdf", "data-testid=\"document-undo\"", "Todavía no hay documentos.");

        String restored = mvc.perform(post("/crm/accounts/{id}/documents/{doc}/restore", account, doc.id())
                        .with(as("ana", tenant)).with(csrf()).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(restored).contains("data-testid=\"document-" + doc.id() + "\"").doesNotContain("Documento eliminado");
    }

    @Test
    void requestingDocumentsShowsTheLinkOnceWithACopyButtonAndASpanishEmail() throws Exception {
        String fragment = mvc.perform(post("/crm/accounts/{id}/upload-links", account).param("days", "10")
                        .with(as("ana", tenant)).with(csrf()).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();

        Matcher url = UPLOAD_URL.matcher(fragment);
        assertThat(url.find()).isTrue();
        assertThat(fragment).contains("data-testid=\"upload-link-copy\"", "solo se muestra esta vez");
        String mailto = fragment.substring(fragment.indexOf("href=\"mailto:"), fragment.indexOf("\" data-testid=\"upload-link-mail\""));
        String decoded = URLDecoder.decode(mailto.replace("&amp;", "&"), StandardCharsets.UTF_8);
        assertThat(decoded).contains("subject=Documentación para Carpintería Roig", "puede subir los archivos", url.group(1));

        String token = url.group(1).substring(url.group(1).lastIndexOf('/') + 1);
        assertThat(mvc.perform(get("/crm/accounts/{id}", account).with(as("ana", tenant))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(token);
        mvc.perform(get("/crm/public/upload/{token}", token)).andExpect(status().isOk());

        assertThat(mvc.perform(post("/crm/accounts/{id}/upload-links", account).param("days", "90")
                        .with(as("ana", tenant)).with(csrf()).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString()).contains("Elige entre 1 y 30 días.");
    }

    @Test
    void theDocumentsViewSearchesAndFiltersAcrossTheFirm() throws Exception {
        UUID other = signedIn("ana", tenant, () -> cartera.accounts().create(AccountDraft.company("Talleres Vidal")).id());
        signedIn("ana", tenant, () -> cartera.documents().upload("oferta-roig.pdf", DocumentCategory.OFFER,
                List.of(new RecordRef(RecordType.ACCOUNT, account)), new ByteArrayInputStream(PDF)));
        String token = signedIn("ana", tenant, () -> cartera.customerUploads().createLink(other, java.time.Duration.ofDays(3)).token());
        cartera.customerUploads().upload(token, "dni-vidal.pdf", new ByteArrayInputStream(PDF));

        String all = mvc.perform(get("/crm/documents").with(as("ana", tenant))).andReturn().getResponse().getContentAsString();
        assertThat(all).contains("oferta-roig.pdf", "dni-vidal.pdf", ">Carpintería Roig<", ">Talleres Vidal<", "Aportado por el cliente");
        assertThat(mvc.perform(get("/crm/documents").param("fromCustomer", "true").with(as("ana", tenant))).andReturn().getResponse()
                .getContentAsString()).contains("dni-vidal.pdf").doesNotContain("oferta-roig.pdf");
        assertThat(mvc.perform(get("/crm/documents").param("category", "OFFER").with(as("ana", tenant))).andReturn().getResponse()
                .getContentAsString()).contains("oferta-roig.pdf").doesNotContain("dni-vidal.pdf");
        String partial = mvc.perform(get("/crm/documents").param("q", "dni").header("HX-Request", "true").with(as("ana", tenant)))
                .andReturn().getResponse().getContentAsString();
        assertThat(partial).startsWith("<div id=\"document-results\"").contains("dni-vidal.pdf").doesNotContain("oferta-roig.pdf", "<html");
        assertThat(signedIn("ana", tenant, () -> cartera.documents().search(DocumentQuery.all(), PageRequest.first(10)).total())).isEqualTo(2);
    }

    private String upload(String name, byte[] bytes, String lang) throws Exception {
        var request = multipart("/crm/accounts/{id}/documents", account).file(new MockMultipartFile("file", name, null, bytes))
                .with(as("ana", tenant)).with(csrf()).header("HX-Request", "true");
        if (lang != null) {
            request.param("lang", lang);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static byte[] bigPdf() {
        byte[] big = new byte[70 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        return big;
    }
}
