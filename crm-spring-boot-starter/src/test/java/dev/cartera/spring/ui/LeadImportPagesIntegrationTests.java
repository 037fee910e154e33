package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.cartera.core.common.PageRequest;
import dev.cartera.core.imports.ImportRunView;
import dev.cartera.core.imports.ImportStatus;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadView;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** The import wizard (KD-2, B-8) as a user goes through it: upload, preview, mapping, start, progress, failed rows. */
class LeadImportPagesIntegrationTests extends UiIntegrationTestSupport {
    /** What Spanish Excel saves as "CSV (delimitado por comas)": Windows-1252, {@code ;}, CRLF; the third row is wrong. */
    static final String SPANISH_CSV = "Nombre;Apellidos;Razón social;Correo electrónico;Teléfono;NIF/CIF;Población\r\n"
            + "José;Martínez Ñúñez;Ferretería Martínez S.L.;jose@ferreteria-martinez.es;612 345 678;12345678Z;Alcalá de Henares\r\n"
            + "Mónica;Pérez;\"Café \"\"La Plaça\"\"; S.L.\";monica@cafelaplaca.cat;;;L’Hospitalet\r\n"
            + "Iñaki;Oñate;Talleres Oñate;no-es-un-email;;12345678A;Éibar\r\n";

    private String tenant;

    @BeforeEach
    void firm() {
        tenant = newTenant();
    }

    @Test
    void importsASpanishExcelCsvThroughTheWizard() throws Exception {
        UUID id = upload("clientes.csv", SPANISH_CSV.getBytes(Charset.forName("windows-1252")));

        String preview = page("/crm/leads/import/" + id);
        assertThat(preview).contains("data-testid=\"import-preview-page\"", "windows-1252", "Punto y coma (;)",
                "Martínez Ñúñez", "Café &quot;La Plaça&quot;; S.L.", "L’Hospitalet", "Razón social");
        assertThat(preview).contains("data-testid=\"import-row-4\" data-valid=\"false\"", "La letra del NIF no es correcta",
                "Escribe un email válido");
        assertThat(preview).contains("data-testid=\"import-row-2\" data-valid=\"true\"", "3 filas, 1 con errores");

        String mapping = page("/crm/leads/import/" + id + "/mapping");
        assertThat(mapping).contains("name=\"col.0\"", "value=\"firstName\" selected=\"selected\"",
                "value=\"companyName\" selected=\"selected\"", "value=\"taxId\" selected=\"selected\"");

        mvc.perform(post("/crm/leads/import/{id}/start", id).with(as("ana", tenant)).with(csrf())
                        .param("col.0", "firstName").param("col.1", "lastName").param("col.2", "companyName")
                        .param("col.3", "email").param("col.4", "phone").param("col.5", "taxId").param("col.6", "city")
                        .param("policy", "SKIP"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/crm/leads/import/" + id));
        ImportRunView run = awaitFinished(id);
        assertThat(run.status()).isEqualTo(ImportStatus.COMPLETED);

        String progress = page("/crm/leads/import/" + id);
        assertThat(progress).contains("data-testid=\"import-run-page\"", "data-status=\"COMPLETED\"", "Completada",
                "data-testid=\"count-created\">2<", "data-testid=\"count-failed\">1<", "data-testid=\"import-errors-csv\"",
                "Línea 4", "data-testid=\"import-recent\"");
        assertThat(progress).doesNotContain("hx-trigger=\"every 1s\"");

        String fragment = mvc.perform(get("/crm/leads/import/{id}/progress", id).with(as("ana", tenant)).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).startsWith("<section").contains("data-status=\"COMPLETED\"").doesNotContain("<html");

        MvcResult download = mvc.perform(get("/crm/leads/import/{id}/errors.csv", id).with(as("ana", tenant)))
                .andExpect(request().asyncStarted()).andReturn();
        byte[] csv = mvc.perform(asyncDispatch(download))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"errores-" + id + ".csv\""))
                .andReturn().getResponse().getContentAsByteArray();
        String errors = new String(csv, StandardCharsets.UTF_8);
        assertThat(errors).startsWith("\uFEFF").contains("error_linea", "Iñaki;Oñate;Talleres Oñate;no-es-un-email", "12345678A");
        assertThat(errors).doesNotContain("José");

        List<LeadView> leads = cartera.asSystem(tenant, crm -> crm.leads().search(LeadQuery.all(), PageRequest.first(10)).items());
        assertThat(leads).extracting(LeadView::companyName)
                .containsExactlyInAnyOrder("Ferretería Martínez S.L.", "Café \"La Plaça\"; S.L.");
    }

    @Test
    void listsFinishedImportsAmongTheRecentOnes() throws Exception {
        UUID id = upload("clientes.csv", SPANISH_CSV.getBytes(Charset.forName("windows-1252")));
        cartera.asSystem(tenant, crm -> crm.imports().start(id, null, null));
        awaitFinished(id);

        assertThat(page("/crm/leads/import/" + id)).doesNotContain("every 1s");
        assertThat(page("/crm/leads/import")).contains("data-testid=\"import-run-" + id + "\"", "2 creados");
    }

    @Test
    void refusesJunkWithATranslatedErrorAndNoStackTrace() throws Exception {
        byte[] junk = new byte[4096];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 31 % 7 == 0 ? 0 : i * 13);
        }
        String html = mvc.perform(multipart("/crm/leads/import").file(new MockMultipartFile("file", "clientes.csv", "text/csv", junk))
                        .with(as("ana", tenant)).with(csrf()))
                .andExpect(status().is(422))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-testid=\"import-error\"", "No es un CSV ni un Excel: parece un archivo binario.")
                .doesNotContain("Exception", "at dev.cartera");

        String english = mvc.perform(multipart("/crm/leads/import").param("lang", "en")
                        .file(new MockMultipartFile("file", "leads.xlsx", "application/octet-stream", "hola".getBytes()))
                        .with(as("ana", tenant)).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("The file is called .xlsx but is not a valid Excel file.");
    }

    @Test
    void aMappingWithoutANameIsRefusedAndTheMappingCanBeSavedAsATemplate() throws Exception {
        UUID id = upload("clientes.csv", SPANISH_CSV.getBytes(Charset.forName("windows-1252")));

        String refused = mvc.perform(post("/crm/leads/import/{id}/start", id).with(as("ana", tenant)).with(csrf())
                        .param("col.3", "email").param("policy", "CREATE"))
                .andExpect(status().is(422))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Asigna al menos una columna a Nombre");

        String saved = mvc.perform(post("/crm/leads/import/{id}/mapping", id).with(as("ana", tenant)).with(csrf())
                        .param("col.0", "firstName").param("col.2", "notes").param("col.3", "email")
                        .param("action", "save-template").param("templateName", "Excel de la gestoría"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(saved).contains("data-testid=\"import-notice\"", "value=\"notes\" selected=\"selected\"");

        UUID second = upload("otro.csv", SPANISH_CSV.getBytes(Charset.forName("windows-1252")));
        String applied = page("/crm/leads/import/" + second + "/mapping?template=Excel de la gestoría");
        assertThat(applied).contains("value=\"notes\" selected=\"selected\"", "Excel de la gestoría");
        assertThat(page("/crm/leads/import")).contains("<option value=\"Excel de la gestoría\"");
    }

    /** Polls one short unit of work at a time: a single long one would keep reading the run as it first saw it. */
    private ImportRunView awaitFinished(UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ImportRunView run = cartera.asSystem(tenant, crm -> crm.imports().status(id));
        while (!run.finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            run = cartera.asSystem(tenant, crm -> crm.imports().status(id));
        }
        return run;
    }

    private UUID upload(String name, byte[] content) throws Exception {
        String location = mvc.perform(multipart("/crm/leads/import").file(new MockMultipartFile("file", name, "text/csv", content))
                        .with(as("ana", tenant)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getHeader("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(as("ana", tenant)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
