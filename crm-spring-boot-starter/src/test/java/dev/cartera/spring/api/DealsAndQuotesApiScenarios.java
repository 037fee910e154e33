package dev.cartera.spring.api;

import static dev.cartera.spring.api.ApiScenarios.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.cartera.core.Cartera;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 6 over HTTP: pipelines and lost reasons configured by admins, the Kanban with its filters and
 * timers, the catalogue, and a quote from the live calculation to the customer's acceptance through
 * the public link, which wins the deal. Each subclass picks the database.
 */
@SpringBootTest(classes = ApiTestApplication.class, properties = {
        "cartera.quotes.link-secret=an-installation-secret-of-at-least-32-bytes",
        "cartera.public-url=https://crm.example.es",
        "cartera.web.ui.firm-name=Suministros Levante SL"})
@AutoConfigureMockMvc
abstract class DealsAndQuotesApiScenarios {
    static final String API = ApiScenarios.API;

    @Autowired
    MockMvc mvc;
    @Autowired
    Cartera cartera;

    Organisation org;

    @BeforeEach
    void freshTenant() {
        org = Organisation.create(cartera, "deals-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void adminsConfigureStagesWithRequiredFieldsAndRepsMoveDealsThroughThem() throws Exception {
        String pipeline = JsonPath.read(call("rep", get(API + "/pipelines")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Ventas"))
                .andExpect(jsonPath("$[0].stages[*].name").value(contains(
                        "En análisis", "Oferta presentada", "En negociación", "Ganada", "Cancelada")))
                .andReturn().getResponse().getContentAsString(), "$[0].id");
        String offer = stageId(pipeline, "Oferta presentada");
        String body = """
                {"name": "Oferta presentada", "probability": 40, "timeLimitDays": 7, "kind": "OPEN",
                 "requiredFields": ["AMOUNT", "EXPECTED_CLOSE_DATE"]}""";

        call("rep", put(API + "/pipelines/" + pipeline + "/stages/" + offer).content(body))
                .andExpect(problem(403, "access.denied"));
        call("admin", put(API + "/pipelines/" + pipeline + "/stages/" + offer).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stages[1].timeLimitDays").value(7))
                .andExpect(jsonPath("$.stages[1].requiredFields", hasSize(2)));
        call("admin", post(API + "/pipelines/" + pipeline + "/stages").param("position", "3").content("""
                {"name": "Demostración", "probability": 55, "timeLimitDays": 10, "kind": "OPEN"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stages[2].name").value("Demostración"));

        String deal = JsonPath.read(call("rep", post(API + "/opportunities").content("{\"name\": \"Reforma oficina\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        call("rep", post(API + "/opportunities/" + deal + "/stage").content("{\"stageId\": \"" + offer + "\"}"))
                .andExpect(problem(422, "validation.failed"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("amount", "expectedCloseDate")))
                .andExpect(jsonPath("$.errors[0].code").value("stage.field-required"));
        call("rep", put(API + "/opportunities/" + deal).content("""
                {"name": "Reforma oficina", "amount": 8000, "expectedCloseDate": "2030-05-31"}""")).andExpect(status().isOk());
        call("rep", post(API + "/opportunities/" + deal + "/stage").content("{\"stageId\": \"" + offer + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stageName").value("Oferta presentada"));

        call("rep", get(API + "/opportunities/" + deal + "/time-in-stages"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].stageName").value(contains("En análisis", "Oferta presentada")))
                .andExpect(jsonPath("$[0].duration").value(startsWith("PT")))
                .andExpect(jsonPath("$[1].leftAt").doesNotExist());
        call("rep", get(API + "/opportunities/stuck")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void theBoardSumsEachColumnAndFiltersByOwner() throws Exception {
        String pipeline = JsonPath.read(call("rep", get(API + "/pipelines")).andReturn().getResponse().getContentAsString(), "$[0].id");
        call("rep", post(API + "/opportunities").content("{\"name\": \"TPV\", \"amount\": 1000}")).andExpect(status().isCreated());
        call("rep", post(API + "/opportunities").content("{\"name\": \"Web\", \"amount\": 2500.50}")).andExpect(status().isCreated());
        call("rep2", post(API + "/opportunities").content("{\"name\": \"Nube\", \"amount\": 300}")).andExpect(status().isCreated());

        call("manager", get(API + "/boards/" + pipeline))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.columns", hasSize(5)))
                .andExpect(jsonPath("$.columns[0].name").value("En análisis"))
                .andExpect(jsonPath("$.columns[0].count").value(3))
                .andExpect(jsonPath("$.columns[0].amount").value(3800.5))
                .andExpect(jsonPath("$.columns[0].weightedAmount").value(380.05))
                .andExpect(jsonPath("$.columns[0].cards[*].ownerName").value(hasItem("REP")))
                .andExpect(jsonPath("$.columns[0].cards[0].daysInStage").value(0))
                .andExpect(jsonPath("$.columns[0].cards[0].overLimit").value(false));
        call("manager", get(API + "/boards/" + pipeline).param("ownerId", org.rep2().toString()))
                .andExpect(jsonPath("$.columns[0].count").value(1))
                .andExpect(jsonPath("$.columns[0].cards[0].name").value("Nube"));
        call("rep2", get(API + "/boards/" + pipeline)).andExpect(jsonPath("$.columns[0].count").value(1));
    }

    @Test
    void lostReasonsAreAConfigurableListAndLosingNeedsOne() throws Exception {
        call("rep", get(API + "/lost-reasons"))
                .andExpect(jsonPath("$[*].name").value(contains(
                        "Precio", "Competencia", "Sin presupuesto", "Sin respuesta", "Otro")));
        call("rep", post(API + "/lost-reasons").content("{\"name\": \"Plazo de entrega\"}")).andExpect(problem(403, "access.denied"));
        String added = JsonPath.read(call("admin", post(API + "/lost-reasons").content("{\"name\": \"Plazo de entrega\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String deal = JsonPath.read(call("rep", post(API + "/opportunities").content("{\"name\": \"Reforma\"}"))
                .andReturn().getResponse().getContentAsString(), "$.id");

        call("rep", post(API + "/opportunities/" + deal + "/lost").content("{\"reason\": \"Porque sí\"}"))
                .andExpect(problem(422, "validation.failed"));
        call("admin", put(API + "/lost-reasons/" + added + "/active").content("{\"active\": false}"))
                .andExpect(jsonPath("$.active").value(false));
        call("rep", get(API + "/lost-reasons")).andExpect(jsonPath("$", hasSize(5)));
        call("admin", get(API + "/lost-reasons").param("all", "true")).andExpect(jsonPath("$", hasSize(6)));
        call("rep", post(API + "/opportunities/" + deal + "/lost").content("{\"reason\": \" precio \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LOST"))
                .andExpect(jsonPath("$.lostReason").value("Precio"));
    }

    @Test
    void adminsKeepTheCatalogueAndPriceListsChangeWhatACustomerPays() throws Exception {
        call("rep", get(API + "/taxes"))
                .andExpect(jsonPath("$[*].code").value(hasItems("IVA21", "IVA10", "IVA4", "IGIC7", "EXENTO")));
        call("rep", post(API + "/products").content(product("TPV-01", "Terminal TPV", "399.00", "IVA21")))
                .andExpect(problem(403, "access.denied"));
        String tpv = JsonPath.read(call("admin", post(API + "/products").content(product("tpv-01", "Terminal TPV", "399.00", "IVA21")))
                .andExpect(status().isCreated())
                .andExpect(header().exists(HttpHeaders.LOCATION))
                .andExpect(jsonPath("$.sku").value("TPV-01"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        call("admin", post(API + "/products").content(product("TPV-01", "Otro", "1", "IVA21"))).andExpect(status().is4xxClientError());
        call("rep", get(API + "/products").param("text", "tpv")).andExpect(jsonPath("$.total").value(1));

        String list = JsonPath.read(call("admin", post(API + "/price-lists").content("""
                {"name": "Mayoristas", "currency": "EUR", "segment": "MAYORISTA", "validFrom": "2020-01-01"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        call("admin", post(API + "/price-lists/" + list + "/items").content("{\"productId\": \"" + tpv + "\", \"unitPrice\": 350}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].sku").value("TPV-01"));
        call("rep", get(API + "/products/" + tpv + "/price").param("segment", "MAYORISTA"))
                .andExpect(jsonPath("$.unitPrice").value(350))
                .andExpect(jsonPath("$.priceListId").value(list));
        call("rep", get(API + "/products/" + tpv + "/price")).andExpect(jsonPath("$.unitPrice").value(399.0));
        call("admin", put(API + "/taxes/IVA5").content("""
                {"name": "IVA reducido temporal 5 %", "kind": "IVA", "rate": 5}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value("IVA5")).andExpect(jsonPath("$.active").value(true));
        call("rep", put(API + "/taxes/IVA6").content("""
                {"name": "IVA 6 %", "kind": "IVA", "rate": 6}""")).andExpect(problem(403, "access.denied"));
    }

    @Test
    void aQuoteIsCalculatedSavedSentAndAcceptedByTheCustomerWhichWinsTheDeal() throws Exception {
        String router = createProduct(product("ROUTER-1", "Router fibra", "120.00", "IVA21"));
        String support = createProduct("""
                {"sku": "SOP-MES", "name": "Soporte mensual", "unit": "mes", "kind": "SERVICE", "billing": "RECURRING",
                 "recurrencePeriod": "MONTHLY", "unitPrice": 30, "currency": "EUR", "taxCode": "IVA21", "active": true}""");
        String account = JsonPath.read(call("rep", post(API + "/accounts").content("{\"name\": \"Librería Sol SL\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String deal = JsonPath.read(call("rep", post(API + "/opportunities").content(
                "{\"name\": \"Conectividad\", \"accountId\": \"" + account + "\"}")).andReturn().getResponse().getContentAsString(), "$.id");
        String draft = """
                {"opportunityId": "%s", "lines": [
                  {"productId": "%s", "quantity": 2},
                  {"productId": "%s", "quantity": 1},
                  {"description": "Libro de instrucciones", "quantity": 1, "unitPrice": 20, "taxCode": "IVA4", "billing": "ONE_OFF"}]}"""
                .formatted(deal, router, support);

        call("rep", post(API + "/quotes/calculate").content(draft))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.oneOff.net").value(260.0))
                .andExpect(jsonPath("$.totals.oneOff.taxes[*].code").value(contains("IVA21", "IVA4")))
                .andExpect(jsonPath("$.totals.oneOff.gross").value(311.2))
                .andExpect(jsonPath("$.totals.recurringMonthly.gross").value(36.3))
                .andExpect(jsonPath("$.totals.recurringYearly.net").value(360.0));
        call("rep", get(API + "/quotes").param("opportunityId", deal)).andExpect(jsonPath("$", hasSize(0)));

        String created = call("rep", post(API + "/quotes").content(draft))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString(API + "/quotes/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.number", startsWith("P-")))
                .andReturn().getResponse().getContentAsString();
        String quote = JsonPath.read(created, "$.id");
        call("rep2", get(API + "/quotes/" + quote)).andExpect(problem(404, "record.not-found"));
        call("rep", get(API + "/quotes").param("accountId", account)).andExpect(jsonPath("$[0].id").value(quote));

        String sent = call("rep", post(API + "/quotes/" + quote + "/send").content("{\"to\": \"compras@libreriasol.es\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quote.status").value("SENT"))
                .andExpect(jsonPath("$.link", startsWith("https://crm.example.es/crm/public/quotes/")))
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.<String>read(sent, "$.link").substring("https://crm.example.es/crm/public/quotes/".length());
        var pdf = call("rep", get(API + "/quotes/" + quote + "/pdf").accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/pdf"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, startsWith("attachment;")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(text(pdf)).contains("Suministros Levante SL", "Router fibra", "Librería Sol SL");

        mvc.perform(get(API + "/public/quotes/" + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VIEWED"))
                .andExpect(jsonPath("$.customerName").value("Librería Sol SL"))
                .andExpect(jsonPath("$.ownerId").doesNotExist());
        mvc.perform(get(API + "/public/quotes/" + token + "/pdf"))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get(API + "/public/quotes/" + token.substring(0, token.length() - 2) + "xy"))
                .andExpect(problem(404, "record.not-found"));
        mvc.perform(post(API + "/public/quotes/" + token + "/accept").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \" \"}"))
                .andExpect(problem(422, "validation.failed"));
        mvc.perform(post(API + "/public/quotes/" + token + "/accept").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Marta Ruiz\"}").with(request -> {
                            request.setRemoteAddr("203.0.113.7");
                            return request;
                        }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));

        call("rep", get(API + "/quotes/" + quote))
                .andExpect(jsonPath("$.decidedByName").value("Marta Ruiz"))
                .andExpect(jsonPath("$.decidedFromIp").value("203.0.113.7"));
        call("rep", get(API + "/opportunities/" + deal))
                .andExpect(jsonPath("$.status").value("WON"))
                .andExpect(jsonPath("$.stageName").value("Ganada"));
        mvc.perform(post(API + "/public/quotes/" + token + "/reject").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Marta Ruiz\"}"))
                .andExpect(problem(409, "quote.already-decided"));
    }

    @Test
    void aDraftChangesInPlaceAndASentQuoteOnlyThroughANewVersionThatRevokesTheOldLink() throws Exception {
        String deal = JsonPath.read(call("rep", post(API + "/opportunities").content("{\"name\": \"Web\"}"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        String line = "{\"description\": \"Diseño web\", \"quantity\": 1, \"unitPrice\": %s, \"taxCode\": \"IVA21\", \"billing\": \"ONE_OFF\"}";
        String quote = JsonPath.read(call("rep", post(API + "/quotes").content(
                "{\"opportunityId\": \"" + deal + "\", \"lines\": [" + line.formatted("1000") + "]}"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        call("rep", put(API + "/quotes/" + quote).content("{\"opportunityId\": \"" + deal + "\", \"globalDiscountPercent\": 10, \"lines\": ["
                        + line.formatted("1000") + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.oneOff.net").value(900.0));
        String token = JsonPath.<String>read(call("rep", post(API + "/quotes/" + quote + "/send").content("{\"to\": \"a@web.es\"}"))
                .andReturn().getResponse().getContentAsString(), "$.link").replaceAll(".*/", "");

        call("rep", put(API + "/quotes/" + quote).content("{\"opportunityId\": \"" + deal + "\", \"lines\": [" + line.formatted("5") + "]}"))
                .andExpect(status().is4xxClientError());
        call("rep", post(API + "/quotes/" + quote + "/versions"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.versionNo").value(2))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get(API + "/public/quotes/" + token)).andExpect(problem(404, "record.not-found"));
        call("rep", get(API + "/quotes").param("opportunityId", deal)).andExpect(jsonPath("$", hasSize(2)));
        call("rep", get(API + "/quotes")).andExpect(problem(400, "request.invalid"));
    }

    private String stageId(String pipeline, String name) throws Exception {
        String json = call("rep", get(API + "/pipelines/" + pipeline)).andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(json, "$.stages[?(@.name == '" + name + "')].id");
        return ids.get(0);
    }

    private String createProduct(String body) throws Exception {
        return JsonPath.read(call("admin", post(API + "/products").content(body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    private static String product(String sku, String name, String price, String tax) {
        return """
                {"sku": "%s", "name": "%s", "unit": "ud", "kind": "PRODUCT", "billing": "ONE_OFF", "unitPrice": %s,
                 "currency": "EUR", "taxCode": "%s", "active": true}""".formatted(sku, name, price, tax);
    }

    private static String text(byte[] pdf) throws java.io.IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    ResultActions call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(username))
                .header(ApiTestApplication.TENANT_HEADER, org.tenant())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PDF));
    }
}
