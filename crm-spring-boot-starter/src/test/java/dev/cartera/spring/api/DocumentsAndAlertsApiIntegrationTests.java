package dev.cartera.spring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.cartera.core.Cartera;
import dev.cartera.core.alert.AlertDraft;
import dev.cartera.core.alert.AlertKind;
import dev.cartera.core.common.RecordType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Documents, customer upload links, alerts with their live stream, calendar feeds and bulk tasks over HTTP. */
@SpringBootTest(classes = ApiTestApplication.class, properties = {
        "cartera.documents.path=target/test-documents",
        "cartera.documents.max-size=64KB",
        "spring.servlet.multipart.max-file-size=1MB"})
@AutoConfigureMockMvc
class DocumentsAndAlertsApiIntegrationTests {
    static final String API = "/crm/api/v1";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;
    @Autowired
    Cartera cartera;

    Organisation org;
    String account;

    @BeforeEach
    void freshTenant() throws Exception {
        org = Organisation.create(cartera, "docs-" + UUID.randomUUID().toString().substring(0, 8));
        account = JsonPath.read(call("rep", post(API + "/accounts").content("{\"name\": \"Farmacia Centro SL\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void uploadsAndDownloadsAsAnAttachmentThatBrowsersCannotSniff() throws Exception {
        MvcResult created = mvc.perform(multipart(API + "/documents").file(new MockMultipartFile("file", "presupuesto.pdf", "text/html", PDF))
                        .param("recordType", "ACCOUNT").param("recordId", account).param("category", "OFFER")
                        .with(user("rep")).header(ApiTestApplication.TENANT_HEADER, org.tenant()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.name").value("presupuesto.pdf"))
                .andReturn();
        String location = created.getResponse().getHeader(HttpHeaders.LOCATION);

        call("rep", get(location + "/content"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, startsWith("attachment; filename=\"presupuesto.pdf\"")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(content().bytes(PDF));
        call("rep", get(API + "/documents").param("recordType", "ACCOUNT").param("recordId", account))
                .andExpect(jsonPath("$.length()").value(1));
        Organisation other = Organisation.create(cartera, org.tenant() + "-b");
        mvc.perform(get(location + "/content").with(user("admin")).header(ApiTestApplication.TENANT_HEADER, other.tenant()))
                .andExpect(ApiScenarios.problem(404, "record.not-found"));
    }

    @Test
    void refusedUploadsAreProblems() throws Exception {
        byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        upload("factura.pdf", html).andExpect(ApiScenarios.problem(415, "document.type-not-allowed"));
        byte[] big = new byte[100 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload("grande.pdf", big).andExpect(ApiScenarios.problem(413, "document.too-large"));
        upload("vacio.pdf", new byte[0]).andExpect(ApiScenarios.problem(422, "document.empty"));
        call("rep", get(API + "/documents")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aCustomerUploadsWithoutLoggingInAndTheRepIsAlerted() throws Exception {
        MvcResult link = call("rep", post(API + "/accounts/" + account + "/upload-links").content("{\"validityDays\": 3}"))
                .andExpect(status().isCreated()).andReturn();
        String token = JsonPath.read(link.getResponse().getContentAsString(), "$.link.token");
        assertThat((String) JsonPath.read(link.getResponse().getContentAsString(), "$.url")).endsWith("/crm/public/upload/" + token);

        mvc.perform(get(API + "/public/uploads/" + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.customerName").value("Farmacia Centro SL"));
        mvc.perform(multipart(API + "/public/uploads/" + token).file(new MockMultipartFile("file", "receta.pdf", null, PDF)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("receta.pdf"))
                .andExpect(jsonPath("$.id").doesNotExist());
        mvc.perform(get(API + "/public/uploads/" + token + "x")).andExpect(ApiScenarios.problem(404, "record.not-found"));

        call("rep", get(API + "/alerts/count")).andExpect(jsonPath("$.count").value(1));
        String alert = JsonPath.read(call("rep", get(API + "/alerts")).andReturn().getResponse().getContentAsString(), "$[0].id");
        call("rep", get(API + "/alerts")).andExpect(jsonPath("$[0].kind").value("DOCUMENT_UPLOADED"))
                .andExpect(jsonPath("$[0].icon").value("file-earmark-arrow-up"));
        call("rep2", post(API + "/alerts/" + alert + "/acknowledge")).andExpect(ApiScenarios.problem(404, "record.not-found"));
        call("rep", post(API + "/alerts/" + alert + "/acknowledge")).andExpect(jsonPath("$.acknowledgedAt").isNotEmpty());
        call("rep", get(API + "/alerts/count")).andExpect(jsonPath("$.count").value(0));

        call("rep", put(API + "/alerts/preferences/DOCUMENT_UPLOADED").content("{\"inApp\": false, \"email\": true}"))
                .andExpect(jsonPath("$.inApp").value(false)).andExpect(jsonPath("$.email").value(true));
        call("rep", get(API + "/alerts/preferences")).andExpect(jsonPath("$.length()").value(AlertKind.values().length));
        mvc.perform(multipart(API + "/public/uploads/" + token).file(new MockMultipartFile("file", "otra.pdf", null, PDF)))
                .andExpect(status().isCreated());
        call("rep", get(API + "/alerts/count")).andExpect(jsonPath("$.count").value(0));
    }

    @Test
    void anAlertRaisedForAUserIsPushedToTheirOpenStream() throws Exception {
        MvcResult stream = call("rep", get(API + "/alerts/stream").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted()).andReturn();
        cartera.asSystem(org.tenant(), crm -> crm.alerts().raise(AlertDraft.of(AlertKind.DEAL_STUCK, org.rep2(),
                RecordType.ACCOUNT, UUID.fromString(account), UUID.fromString(account))));
        cartera.asSystem(org.tenant(), crm -> crm.alerts().raise(AlertDraft.of(AlertKind.TASK_OVERDUE, org.rep(),
                RecordType.ACCOUNT, UUID.fromString(account), UUID.fromString(account), "Llamar")));
        String events = stream.getResponse().getContentAsString();
        assertThat(events).contains("event:alert", "\"kind\":\"TASK_OVERDUE\"", "\"icon\":\"alarm\"").doesNotContain("DEAL_STUCK");
    }

    @Test
    void aCalendarFeedIsReadableByItsSecretUrlOnlyUntilRevoked() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        call("rep", post(API + "/activities").content("{\"type\": \"MEETING\", \"subject\": \"Visita farmacia\", "
                + "\"relatedType\": \"ACCOUNT\", \"relatedId\": \"" + account + "\", \"startAt\": \"" + start + "\", "
                + "\"dueAt\": \"" + start + "\", \"endAt\": \"" + start.plus(Duration.ofHours(1)) + "\"}")).andExpect(status().isCreated());
        String url = JsonPath.read(call("rep", post(API + "/users/me/calendar-feed")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.url");
        String path = url.substring(url.indexOf(API));
        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andExpect(content().string(containsString("SUMMARY:Visita farmacia")));
        call("rep", delete(API + "/users/me/calendar-feed"))
                .andExpect(jsonPath("$.revoked").value(1));
        mvc.perform(get(path)).andExpect(ApiScenarios.problem(404, "record.not-found"));
    }

    @Test
    void bulkTasksAndMyDay() throws Exception {
        String second = JsonPath.read(call("rep", post(API + "/accounts").content("{\"name\": \"Óptica Sol SL\"}"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        call("rep", post(API + "/tasks/bulk").content("{\"records\": [{\"type\": \"ACCOUNT\", \"id\": \"" + account + "\"},"
                + " {\"type\": \"ACCOUNT\", \"id\": \"" + second + "\"}], \"task\": {\"type\": \"CALL\", \"subject\": \"Campaña otoño\","
                + " \"dueAt\": \"2000-01-01T10:00:00Z\"}}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.length()").value(2));
        call("rep", get(API + "/tasks/my-day")).andExpect(jsonPath("$.overdue.length()").value(2))
                .andExpect(jsonPath("$.today.length()").value(0));
    }

    private ResultActions upload(String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart(API + "/documents").file(new MockMultipartFile("file", name, null, bytes))
                .param("recordType", "ACCOUNT").param("recordId", account)
                .with(user("rep")).header(ApiTestApplication.TENANT_HEADER, org.tenant()));
    }

    private ResultActions call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(username))
                .header(ApiTestApplication.TENANT_HEADER, org.tenant())
                .contentType(MediaType.APPLICATION_JSON));
    }
}
