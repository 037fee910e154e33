package dev.cartera.spring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.cartera.core.Cartera;
import java.nio.charset.Charset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The import flow and duplicates as REST resources; each subclass picks the database. */
@SpringBootTest(classes = ApiTestApplication.class)
@AutoConfigureMockMvc
abstract class ImportsAndDuplicatesApiScenarios {
    static final String API = "/crm/api/v1";
    /** What Excel saves for a Spanish user: Windows-1252, semicolons, one row without any name. */
    static final byte[] SPANISH_CSV = ("Nombre;Apellidos;Empresa;Correo electrónico;Teléfono;Provincia\r\n"
            + "José;Muñoz;Cafetería Ñandú S.L.;jose@nandu.es;612 345 678;València\r\n"
            + ";;;sin-nombre@example.es;;Madrid\r\n"
            + "Àngels;Puig;;angels@puig.cat;933 456 789;Girona\r\n").getBytes(Charset.forName("windows-1252"));

    @Autowired
    MockMvc mvc;
    @Autowired
    Cartera cartera;

    Organisation org;

    @BeforeEach
    void freshTenant() {
        org = Organisation.create(cartera, "imp-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void previewsStartsAndReportsAnImportWithItsFailedRows() throws Exception {
        String body = upload(SPANISH_CSV, "clientes.csv")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.encoding").value("windows-1252"))
                .andExpect(jsonPath("$.delimiter").value(";"))
                .andExpect(jsonPath("$.header[3]").value("Correo electrónico"))
                .andExpect(jsonPath("$.rows[0][0]").value("José"))
                .andExpect(jsonPath("$.rows[0][2]").value("Cafetería Ñandú S.L."))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.previewId");

        call("rep", post(API + "/imports/" + id + "/start").content("{\"duplicatePolicy\": \"SKIP\"}"))
                .andExpect(status().isAccepted());
        String finished = awaitFinished(id);
        assertThat((Integer) JsonPath.read(finished, "$.rowsCreated")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(finished, "$.rowsFailed")).isEqualTo(1);
        call("rep", get(API + "/imports/" + id + "/errors")).andExpect(jsonPath("$[0].line").value(3));
        MvcResult streaming = call("rep", get(API + "/imports/" + id + "/errors.csv")).andExpect(request().asyncStarted()).andReturn();
        String csv = mvc.perform(asyncDispatch(streaming)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv")).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("sin-nombre@example.es");
        call("rep", get(API + "/leads")).andExpect(jsonPath("$.total").value(2));

        String again = JsonPath.read(upload(SPANISH_CSV, "clientes.csv").andReturn().getResponse().getContentAsString(), "$.previewId");
        call("rep", post(API + "/imports/" + again + "/start")).andExpect(status().isAccepted());
        assertThat((Integer) JsonPath.read(awaitFinished(again), "$.rowsCreated")).isZero();
        call("rep", get(API + "/leads")).andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void aFileThatIsNotAListIsAClearProblem() throws Exception {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        upload(junk, "clientes.csv").andExpect(ApiScenarios.problem(422, "import.file.not-text"));
        upload("PK\u0003\u0004not really a workbook".getBytes(), "clientes.xlsx")
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void duplicatesAreFoundAndMerged() throws Exception {
        String first = JsonPath.read(call("rep", post(API + "/leads").content(
                "{\"companyName\": \"Panadería Sol S.L.\", \"email\": \"hola@panaderiasol.es\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String second = JsonPath.read(call("rep", post(API + "/leads").content(
                "{\"companyName\": \"Panaderia Sol SL\", \"email\": \"HOLA@panaderiasol.es\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Duplicate-Candidates", "1"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        call("rep", post(API + "/duplicates/check").content("{\"companyName\": \"PANADERÍA SOL, S.L.\"}"))
                .andExpect(jsonPath("$.length()").value(2));
        call("rep", post(API + "/duplicates/merge").content("{\"type\": \"LEAD\", \"survivorId\": \"" + first
                + "\", \"duplicateId\": \"" + second + "\"}")).andExpect(ApiScenarios.problem(403, "access.denied"));
        call("manager", post(API + "/duplicates/merge").content("{\"type\": \"LEAD\", \"survivorId\": \"" + first
                + "\", \"duplicateId\": \"" + second + "\"}")).andExpect(status().isOk());
        call("rep", get(API + "/duplicates/LEAD/" + first)).andExpect(jsonPath("$.length()").value(0));
    }

    private ResultActions upload(byte[] bytes, String name) throws Exception {
        return mvc.perform(multipart(API + "/imports").file(new MockMultipartFile("file", name, null, bytes))
                .with(user("rep")).header(ApiTestApplication.TENANT_HEADER, org.tenant()));
    }

    private String awaitFinished(String id) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String body;
        do {
            Thread.sleep(100);
            body = call("rep", get(API + "/imports/" + id)).andReturn().getResponse().getContentAsString();
        } while (!((String) JsonPath.read(body, "$.status")).matches("COMPLETED|FAILED|CANCELLED") && System.nanoTime() < deadline);
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("COMPLETED");
        return body;
    }

    private ResultActions call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(username)).header(ApiTestApplication.TENANT_HEADER, org.tenant())
                .contentType(MediaType.APPLICATION_JSON));
    }
}
