package dev.cartera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5's "done when" in a real headless Chromium, on a phone (390×844) and at desktop size: the admin writes
 * "leads from Barcelona or Girona with source web go round-robin to team Catalunya" in the criteria builder (no
 * DRL), simulates it on the real leads of the demo, activates it, creates a lead from Barcelona with source web and
 * finds it assigned to a rep of team Catalunya by that rule, in the lead page and the decision history. No page
 * scrolls sideways. Screenshots land in {@code target/screenshots/}. Skipped, with a notice, where Chromium is missing.
 */
@DemoOnH2
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesBrowserTests {
    private static final List<String> CATALUNYA_REPS = List.of("jordi", "montse");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    dev.cartera.rules.CarteraRules rules;

    private Path profile;
    private ChromeDriver driver;

    @BeforeAll
    void startBrowser() throws IOException {
        BrowserHarness.assumeChromium(RulesBrowserTests.class);
        profile = Files.createTempDirectory("cartera-rules-chromium");
        driver = BrowserHarness.chromium(profile);
        BrowserHarness.viewport(driver, 1280, 800, false);
        driver.get(url("/crm"));
        BrowserHarness.signIn(driver, "admin", DemoTenants.PASSWORD);
    }

    /** The demo's other tests create leads without an owner: leave no assignment rule live behind us. */
    @AfterEach
    void noLiveRulesLeftBehind() {
        jdbc.update("update crm_rule_set set active_version_id = null where tenant_id = 'demo'");
        jdbc.update("update crm_rule_set_version set status = 'ARCHIVED' where tenant_id = 'demo' and status = 'ACTIVE'");
    }

    @AfterAll
    void stopBrowser() throws IOException {
        BrowserHarness.close(driver, profile);
    }

    @Test
    void onAPhoneTheAdminWritesSimulatesAndActivatesTheCatalunyaRuleAndTheNextLeadFollowsIt() {
        BrowserHarness.viewport(driver, 390, 844, true);
        scenario("390x844", "Cafè del Born", true);
    }

    @Test
    void atDesktopSizeTheSameScenarioWorks() {
        BrowserHarness.viewport(driver, 1280, 800, false);
        scenario("1280x800", "Fleca Girona Centre", false);
    }

    /**
     * The second half of the scenario: a follow-up task two days after a quote is sent with no answer. Its trigger,
     * QUOTE_UNANSWERED, comes with the quote triggers of crm-rules; until they are there this test is skipped, and
     * the editor, which lists triggers from the enum, offers it as soon as they are.
     */
    @Test
    void onAPhoneAnAutomationRuleGivesAFollowUpTaskTwoDaysAfterAQuoteIsSentWithNoAnswer() {
        boolean available = java.util.Arrays.stream(dev.cartera.rules.Trigger.values()).anyMatch(t -> t.name().equals("QUOTE_UNANSWERED"));
        if (!available) {
            System.err.println("NOTICE: the QUOTE_UNANSWERED trigger is not in crm-rules yet: the quote follow-up scenario is skipped.");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(available, "QUOTE_UNANSWERED is not a trigger of crm-rules yet");
        BrowserHarness.viewport(driver, 390, 844, true);
        String title = "Seguimiento del presupuesto sin respuesta";
        driver.get(url("/crm/settings/rules"));
        click(By.cssSelector("[data-testid=new-draft-AUTOMATION]"));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=rules-form]")));
        refreshing(() -> click(By.cssSelector("[data-testid=add-rule]")));
        type(rule(0).findElement(By.cssSelector("[data-testid=rule-name]")), "Presupuesto sin respuesta");
        refreshing(() -> choose(rule(0).findElement(By.cssSelector("[data-testid=rule-trigger]")), "QUOTE_UNANSWERED"));
        List<WebElement> days = rule(0).findElements(By.cssSelector("[data-testid=rule-days]"));
        if (!days.isEmpty()) {
            type(days.get(0), "2");
        }
        WebElement action = rule(0).findElement(By.cssSelector("[data-testid=action-0]"));
        assertThat(new Select(action.findElement(By.cssSelector("[data-testid=action-kind]"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("CREATE_TASK");
        new Select(action.findElement(By.cssSelector("[data-testid=action-task-type]"))).selectByValue("CALL");
        type(action.findElement(By.cssSelector("[data-testid=action-title]")), title);
        type(action.findElement(By.cssSelector("[data-testid=action-due]")), "1");
        refreshing(() -> click(By.cssSelector("[data-testid=rules-validate]")));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=rules-valid]")));
        BrowserHarness.assertNoSidewaysScroll(driver);
        BrowserHarness.screenshot(driver, "rules-automation-390x844");
        long before = count("select count(*) from crm_activity where tenant_id = 'demo' and subject = '" + title + "'");
        click(By.cssSelector("[data-testid=rules-activate]"));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=rules-activated]")));

        rules.runTimers(DemoTenants.DEMO);
        assertThat(count("select count(*) from crm_activity where tenant_id = 'demo' and subject = '" + title + "'"))
                .as("a follow-up task for the demo's quote sent five days ago with no answer").isGreaterThan(before);
    }

    private void scenario(String size, String company, boolean phone) {
        driver.get(url("/crm"));
        WebElement rulesLink = driver.findElement(By.cssSelector("[data-testid=nav-rules]"));
        if (phone) {
            assertThat(rulesLink.isDisplayed()).as("menu closed at first").isFalse();
            driver.findElement(By.cssSelector("[data-testid=nav-toggle]")).click();
            wait(5).until(ExpectedConditions.visibilityOf(rulesLink));
        }
        rulesLink.click();
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=rules-page]")));
        BrowserHarness.assertNoSidewaysScroll(driver);
        BrowserHarness.screenshot(driver, "rules-" + size);

        click(By.cssSelector("[data-testid=new-draft-ASSIGNMENT]"));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=rules-form]")));
        assertThat(rule(0).getAttribute("data-fallback")).as("a new set starts with its fallback rule").isEqualTo("true");

        // The criteria builder: a rule before the fallback, two criteria, round-robin to team Catalunya.
        refreshing(() -> click(By.cssSelector("[data-testid=add-rule]")));
        assertThat(rule(1).getAttribute("data-fallback")).isEqualTo("true");
        type(rule(0).findElement(By.cssSelector("[data-testid=rule-name]")), "Catalunya web");
        refreshing(() -> choose(criterion(0, 0, "criterion-field"), "province"));
        refreshing(() -> choose(criterion(0, 0, "criterion-operator"), "IN"));
        type(criterion(0, 0, "criterion-values"), "Barcelona, Girona");
        refreshing(() -> click(rule(0).findElement(By.cssSelector("[data-testid=add-criterion]"))));
        refreshing(() -> choose(criterion(0, 1, "criterion-field"), "source"));
        type(criterion(0, 1, "criterion-values"), "web");
        refreshing(() -> choose(rule(0).findElement(By.cssSelector("[data-testid=assignee-kind]")), "ROUND_ROBIN"));
        new Select(rule(0).findElement(By.cssSelector("[data-testid=assignee-team]"))).selectByVisibleText("Catalunya");
        refreshing(() -> click(By.cssSelector("[data-testid=rules-validate]")));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=rules-valid]")));
        assertThat(rule(0).getAttribute("data-rule-name")).isEqualTo("Catalunya web");
        BrowserHarness.assertNoSidewaysScroll(driver);
        driver.executeScript("window.scrollTo(0, 0)");
        BrowserHarness.screenshot(driver, "rules-builder-" + size);

        // The simulator on the real leads of the demo: the last 50, nothing written.
        long leadsBefore = count("select count(*) from crm_lead where tenant_id = 'demo'");
        long decisionsBefore = count("select count(*) from crm_rule_execution where tenant_id = 'demo'");
        click(By.cssSelector("[data-testid=editor-simulate]"));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=sim-form]")));
        new Select(driver.findElement(By.cssSelector("[data-testid=sim-limit]"))).selectByValue("50");
        click(By.cssSelector("[data-testid=sim-run-real]"));
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=sim-table]")));
        List<WebElement> rows = driver.findElements(By.cssSelector("[data-testid=sim-row]"));
        assertThat(rows).hasSize(50);
        List<WebElement> catalan = driver.findElements(By.cssSelector("[data-testid=sim-row][data-decided-by='Catalunya web']"));
        assertThat(catalan).as("the demo's web leads from Barcelona and Girona").hasSizeGreaterThanOrEqualTo(5);
        assertThat(catalan.stream().map(r -> r.getAttribute("data-assignee")).distinct().sorted().toList())
                .as("round-robin over both reps").isEqualTo(CATALUNYA_REPS);
        // Why, in the admin's language (Spanish): the rule's criteria by their labels, then the round-robin turn.
        assertThat(catalan.get(0).findElement(By.cssSelector("[data-testid=sim-reasons]")).getText())
                .contains("Se cumple la regla «Catalunya web»: Provincia es uno de Barcelona, Girona y Origen es igual a web.")
                .contains("Por turnos en el equipo, le toca a ");
        assertThat(count("select count(*) from crm_lead where tenant_id = 'demo'")).isEqualTo(leadsBefore);
        assertThat(count("select count(*) from crm_rule_execution where tenant_id = 'demo'")).isEqualTo(decisionsBefore);
        BrowserHarness.assertNoSidewaysScroll(driver);
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", catalan.get(0));
        BrowserHarness.screenshot(driver, "rules-simulator-" + size);

        // Activate from the builder.
        click(By.cssSelector("[data-testid=simulate-back]"));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=rules-form]")));
        click(By.cssSelector("[data-testid=rules-activate]"));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=rules-activated]")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=rule-set-ASSIGNMENT] [data-testid=rule-version][data-status=ACTIVE]"))
                .isDisplayed()).isTrue();
        BrowserHarness.assertNoSidewaysScroll(driver);

        // The next lead from Barcelona with source web goes to a rep of team Catalunya, by that rule.
        driver.get(url("/crm/leads/new"));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=lead-form]")));
        type(driver.findElement(By.id("companyName")), company);
        type(driver.findElement(By.id("city")), "Barcelona");
        type(driver.findElement(By.id("province")), "Barcelona");
        new Select(driver.findElement(By.cssSelector("[data-testid=lead-source]"))).selectByValue("web");
        click(By.cssSelector("[data-testid=lead-save]"));
        wait(10).until(ExpectedConditions.urlMatches(".*/crm/leads/[0-9a-f-]{36}$"));
        String owner = jdbc.queryForObject("select u.username from crm_lead l join crm_user u on u.id = l.owner_id"
                + " where l.tenant_id = 'demo' and l.company_name = ?", String.class, company);
        assertThat(owner).isIn(CATALUNYA_REPS);
        String ownerName = owner.equals("jordi") ? "Jordi Puig Soler" : "Montserrat Vidal Roca";
        assertThat(driver.findElement(By.cssSelector("[data-testid=lead-owner-value]")).getText()).isEqualTo(ownerName);
        assertThat(driver.findElement(By.cssSelector("[data-testid=lead-assigned-by-rule]")).getText()).contains("Catalunya web");
        BrowserHarness.assertNoSidewaysScroll(driver);
        BrowserHarness.screenshot(driver, "rules-lead-assigned-" + size);

        driver.get(url("/crm/settings/rules/history"));
        WebElement row = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=history-row]")));
        assertThat(row.getAttribute("data-rule")).isEqualTo("Catalunya web");
        assertThat(row.getText()).contains(company, ownerName);
        BrowserHarness.assertNoSidewaysScroll(driver);
        BrowserHarness.screenshot(driver, "rules-history-" + size);
    }

    private WebElement rule(int index) {
        return driver.findElement(By.cssSelector("[data-testid=rule-" + index + "]"));
    }

    private WebElement criterion(int rule, int index, String testId) {
        return rule(rule).findElement(By.cssSelector("[data-testid=criterion-" + index + "] [data-testid=" + testId + "]"));
    }

    /** Runs a step that makes htmx redraw the builder, and waits until the new builder is in place. */
    private void refreshing(Runnable step) {
        WebElement form = driver.findElement(By.id("rules-editor"));
        step.run();
        try {
            wait(10).until(ExpectedConditions.stalenessOf(form));
        } catch (org.openqa.selenium.TimeoutException e) {
            BrowserHarness.screenshot(driver, "rules-builder-stuck");
            throw e;
        }
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("rules-editor")));
        // htmx settles the new content (and binds its handlers) just after the swap: act only once it is done.
        wait(10).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping, .htmx-added') === null")));
    }

    private void choose(WebElement select, String value) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        new Select(select).selectByValue(value);
    }

    private void type(WebElement input, String text) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.clear();
        input.sendKeys(text);
    }

    private void click(By by) {
        click(driver.findElement(by));
    }

    private void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait(5).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
