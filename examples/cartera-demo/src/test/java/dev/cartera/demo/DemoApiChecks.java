package dev.cartera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.dedupe.TaxId;
import dev.cartera.core.lead.LeadStatus;
import dev.cartera.demo.seed.DemoData;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the demo promises over real HTTP, whatever database it runs on: the API's security and
 * status codes, tenant and owner isolation, and the demo data loaded once with valid Spanish ids.
 */
abstract class DemoApiChecks {
    static final String LEADS = "/crm/api/v1/leads";
    static final String ANA = """
            {"firstName":"Ana","lastName":"García","companyName":"Frutas Ana SL","email":"ana@frutasana.es",\
            "phone":"612345678","source":"web"}""";

    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoData demoData;

    DemoHttp http;

    @BeforeEach
    void client() {
        http = new DemoHttp(port);
    }

    @Test
    void anonymousApiCallsGetA401Problem() {
        HttpResponse<String> response = http.get(LEADS);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsA401AndTheRightOneIsLetIn() {
        assertThat(http.getAs("rep", "no-es-la-clave", LEADS).statusCode()).isEqualTo(401);
        assertThat(http.getAs("rep", LEADS).statusCode()).isEqualTo(200);
    }

    @Test
    void aRepCreatesALeadAndGets201WithItsLocation() {
        HttpResponse<String> created = http.postJsonAs("rep", LEADS, ANA);

        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        JsonNode lead = json.readTree(created.body());
        assertThat(location).endsWith("/crm/api/v1/leads/" + lead.path("id").asString());
        assertThat(lead.path("status").asString()).isEqualTo("NEW");
        assertThat(lead.path("phone").asString()).isEqualTo("+34612345678");

        HttpResponse<String> read = http.getAs("rep", location);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body()).path("companyName").asString()).isEqualTo("Frutas Ana SL");
    }

    @Test
    void anotherFirmCannotReadTheLead() {
        String location = http.postJsonAs("rep", LEADS, ANA).headers().firstValue("Location").orElseThrow();

        HttpResponse<String> response = http.getAs("other", location);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void aRepDoesNotSeeTheOtherRepsLeads() {
        String id = json.readTree(http.postJsonAs("rep", LEADS, ANA).body()).path("id").asString();

        assertThat(leadIds("rep", "?text=Frutas%20Ana&size=200")).contains(id);
        assertThat(leadIds("rep2", "?text=Frutas%20Ana&size=200")).doesNotContain(id);
        assertThat(http.getAs("rep2", LEADS + "/" + id).statusCode()).isEqualTo(404);
        assertThat(leadIds("manager", "?text=Frutas%20Ana&size=200")).contains(id);
        // And the other way round: nothing rep2 owns shows up in rep's full list.
        UUID rep2 = jdbc.queryForObject("select id from crm_user where tenant_id = 'demo' and username = 'rep2'", UUID.class);
        JsonNode all = json.readTree(http.getAs("rep", LEADS + "?size=200").body());
        assertThat(all.path("total").asLong()).isPositive();
        for (JsonNode lead : all.path("items")) {
            assertThat(lead.path("ownerId").asString()).isNotEqualTo(rep2.toString());
        }
    }

    @Test
    void malformedJsonIsA400ProblemNotA500() {
        HttpResponse<String> response = http.postJsonAs("rep", LEADS, "{\"firstName\": \"Ana\", ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void aLeadWithoutNameOrCompanyIsRejectedAsAProblem() {
        HttpResponse<String> response = http.postJsonAs("rep", LEADS, "{\"email\":\"sin-nombre@example.es\",\"source\":\"web\"}");

        assertThat(response.statusCode()).isIn(400, 422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(response.statusCode());
    }

    @Test
    void anInvalidTaxIdIsRejectedAsAProblem() {
        HttpResponse<String> response = http.postJsonAs("rep", LEADS,
                "{\"companyName\":\"Bar Prueba\",\"taxId\":\"B12345678\",\"source\":\"web\"}");

        assertThat(response.statusCode()).isIn(400, 422);
    }

    @Test
    void demoDataIsLoadedForBothFirms() {
        // five demo logins, and the two reps of the Barcelona delegation (team Catalunya, issue 5's scenario)
        assertThat(count("select count(*) from crm_user where tenant_id = 'demo'")).isEqualTo(7);
        assertThat(count("select count(*) from crm_user where tenant_id = 'otra'")).isEqualTo(1);
        assertThat(count("select count(*) from crm_office where tenant_id = 'demo'")).isEqualTo(2);
        assertThat(count("select count(*) from crm_team where tenant_id = 'demo'")).isEqualTo(2);
        assertThat(count("select count(*) from crm_user u join crm_team t on t.id = u.team_id where u.tenant_id = 'demo'"
                + " and t.name = 'Catalunya' and u.role = 'SALES_REP'")).isEqualTo(2);
        assertThat(count("select count(*) from crm_lead where tenant_id = 'demo' and source = 'web'"
                + " and province in ('Barcelona', 'Girona')")).isGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from crm_quote where tenant_id = 'demo'")).isPositive();
        assertThat(count("select count(*) from crm_account where tenant_id = 'demo'")).isBetween(40L, 80L);
        assertThat(count("select count(*) from crm_contact where tenant_id = 'demo'")).isGreaterThanOrEqualTo(40L);
        assertThat(count("select count(*) from crm_opportunity where tenant_id = 'demo'")).isGreaterThan(100L);
        assertThat(count("select count(*) from crm_activity where tenant_id = 'demo'")).isGreaterThan(1000L);
        assertThat(count("select count(*) from crm_account where tenant_id = 'otra'")).isBetween(3L, 10L);
        assertThat(count("select count(*) from crm_lead where tenant_id = 'otra'")).isPositive();
    }

    @Test
    void leadsComeFromEverySourceAndStandInEveryStatus() {
        List<String> statuses = jdbc.queryForList("select distinct status from crm_lead where tenant_id = 'demo'", String.class);
        assertThat(statuses).containsExactlyInAnyOrder(
                java.util.Arrays.stream(LeadStatus.values()).map(Enum::name).toArray(String[]::new));
        assertThat(jdbc.queryForList("select distinct source from crm_lead where tenant_id = 'demo'", String.class))
                .contains("web", "phone", "event", "referral", "email", "social");
        // Converted leads live on as the origin of their customer, contact and deal (KD-1).
        assertThat(count("""
                select count(*) from crm_lead l join crm_account a on a.id = l.converted_account_id
                where l.tenant_id = 'demo' and l.status = 'CONVERTED' and a.origin_lead_id = l.id""")).isGreaterThan(10L);
        assertThat(count("select count(*) from crm_opportunity where tenant_id = 'demo' and origin_lead_id is not null")).isGreaterThan(10L);
    }

    @Test
    void dealsAndActivitiesSpanAYearAndAHalf() {
        assertThat(jdbc.queryForList("select distinct status from crm_opportunity where tenant_id = 'demo'", String.class))
                .contains("OPEN", "WON", "LOST");
        Instant oldest = instant("select min(changed_at) from crm_stage_change where tenant_id = 'demo'");
        assertThat(oldest).isBefore(Instant.now().minus(480, ChronoUnit.DAYS));
        assertThat(count("select count(*) from crm_stage_change where tenant_id = 'demo' and from_stage_id is not null"))
                .isGreaterThan(200L);
        assertThat(jdbc.queryForList("select distinct type from crm_activity where tenant_id = 'demo'", String.class))
                .contains("CALL", "MEETING", "VISIT", "EMAIL", "TODO");
        assertThat(jdbc.queryForObject("select count(*) from crm_activity where tenant_id = 'demo' and status = 'PLANNED' and due_at < ?",
                Long.class, java.sql.Timestamp.from(Instant.now()))).as("overdue tasks").isPositive();
        assertThat(instant("select max(created_at) from crm_activity where tenant_id = 'demo'"))
                .isBefore(Instant.now().plusSeconds(60));
    }

    @Test
    void everyStoredTaxIdIsAValidSpanishId() {
        List<String> accounts = jdbc.queryForList("select tax_id from crm_account where tax_id is not null", String.class);
        List<String> leads = jdbc.queryForList("select tax_id from crm_lead where tax_id is not null", String.class);

        assertThat(accounts).hasSizeGreaterThan(40).doesNotHaveDuplicates();
        assertThat(leads).isNotEmpty();
        assertThat(accounts).allSatisfy(id -> assertThat(TaxId.of(id).value()).isEqualTo(id));
        assertThat(leads).allSatisfy(id -> assertThat(TaxId.of(id).value()).isEqualTo(id));
        assertThat(accounts.stream().map(id -> TaxId.of(id).kind()).distinct())
                .contains(TaxId.Kind.CIF, TaxId.Kind.DNI, TaxId.Kind.NIE);
    }

    @Test
    void aRestartLoadsNothingTwice() {
        long accounts = count("select count(*) from crm_account");
        long leads = count("select count(*) from crm_lead");

        assertThat(demoData.load()).isZero();

        assertThat(count("select count(*) from crm_account")).isEqualTo(accounts);
        assertThat(count("select count(*) from crm_lead")).isEqualTo(leads);
    }

    private Instant instant(String sql) {
        return jdbc.queryForObject(sql, (rs, row) -> rs.getTimestamp(1).toInstant());
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private List<String> leadIds(String user, String query) {
        HttpResponse<String> response = http.getAs(user, LEADS + query);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode lead : json.readTree(response.body()).path("items")) {
            ids.add(lead.path("id").asString());
        }
        return ids;
    }
}
