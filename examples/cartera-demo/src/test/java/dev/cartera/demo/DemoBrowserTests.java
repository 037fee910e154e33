package dev.cartera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * A real headless Chromium signs in to the demo and opens a customer card on a phone, a tablet and
 * a desktop (KD-8): no sideways scrolling, the navigation reachable, the card's sections there; and
 * logs a call from the card (htmx behind the demo's CSRF-protected form login).
 * Screenshots land in {@code target/screenshots/}. Skipped, with a notice, where Chromium is missing.
 */
@DemoOnH2
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ChromeDriver driver;
    private Path profile;
    private String card;

    @BeforeAll
    void startBrowser() throws IOException {
        BrowserHarness.assumeChromium(DemoBrowserTests.class);
        profile = Files.createTempDirectory("cartera-chromium");
        driver = BrowserHarness.chromium(profile);
        // The rep's busiest customer that started as a lead: origin, several deals, a long timeline.
        UUID account = jdbc.query("""
                select a.id from crm_account a join crm_user u on u.id = a.owner_id and u.tenant_id = a.tenant_id
                where a.tenant_id = 'demo' and u.username = 'rep' and a.origin_lead_id is not null
                order by (select count(*) from crm_opportunity o where o.account_id = a.id) desc, a.name""",
                (rs, row) -> rs.getObject(1, UUID.class)).get(0);
        card = "http://localhost:" + port + "/crm/accounts/" + account;
        signIn();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        BrowserHarness.close(driver, profile);
    }

    private void signIn() {
        viewport(390, 844, true);
        driver.get("http://localhost:" + port + "/crm");
        wait(10).until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys("rep");
        driver.findElement(By.id("password")).sendKeys(DemoTenants.PASSWORD);
        screenshot("login-390x844");
        assertNoSidewaysScroll();
        driver.findElement(By.cssSelector("[data-testid=login-submit]")).click();
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=dashboard]")));
    }

    @ParameterizedTest(name = "customer card at {0}x{1}")
    @CsvSource({"390, 844, phone", "768, 1024, tablet", "1280, 800, desktop"})
    void theCustomerCardFitsAndIsNavigable(int width, int height, String device) {
        viewport(width, height, !"desktop".equals(device));
        driver.get(card);
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=card]")));

        for (String section : List.of("card-name", "card-data", "card-contacts", "card-opportunities", "card-timeline", "card-origin")) {
            assertThat(driver.findElements(By.cssSelector("[data-testid=" + section + "]")))
                    .as("section %s at %dx%d", section, width, height).isNotEmpty();
        }
        assertThat(driver.findElements(By.cssSelector("[data-testid=timeline-item]"))).hasSizeGreaterThan(3);
        assertThat(driver.findElement(By.cssSelector("[data-testid=firm-name]")).getText()).isEqualTo("Suministros Levante S.L.");
        assertNoSidewaysScroll();
        screenshot("card-" + width + "x" + height);

        WebElement toggle = driver.findElement(By.cssSelector("[data-testid=nav-toggle]"));
        WebElement accounts = driver.findElement(By.cssSelector("[data-testid=nav-accounts]"));
        if ("phone".equals(device)) {
            assertThat(toggle.isDisplayed()).as("menu button on a phone").isTrue();
            assertThat(accounts.isDisplayed()).as("menu closed at first").isFalse();
            toggle.click();
            wait(5).until(ExpectedConditions.visibilityOf(accounts));
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
            assertNoSidewaysScroll();
            screenshot("card-" + width + "x" + height + "-menu");
            toggle.click();
            driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.cssSelector("[data-testid=card-timeline]")));
            screenshot("card-" + width + "x" + height + "-timeline");
            toggle.click();
        } else {
            assertThat(toggle.isDisplayed()).as("no menu button at %d px", width).isFalse();
            assertThat(accounts.isDisplayed()).as("navigation links at %d px", width).isTrue();
        }
        accounts.click();
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=accounts]")));
        assertNoSidewaysScroll();
    }

    @Test
    void aCallLoggedOnTheCardShowsUpInItsTimeline() {
        viewport(1280, 800, false);
        driver.get(card);
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=card-quick-form]")));
        String subject = "Llamada de prueba " + UUID.randomUUID().toString().substring(0, 8);

        new Select(driver.findElement(By.cssSelector("[data-testid=quick-type]"))).selectByValue("CALL");
        driver.findElement(By.cssSelector("[data-testid=quick-subject]")).sendKeys(subject);
        driver.findElement(By.cssSelector("[data-testid=quick-submit]")).click();

        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=card-timeline]"), subject));
        screenshot("card-1280x800-call-logged");
    }

    private void viewport(int width, int height, boolean mobile) {
        BrowserHarness.viewport(driver, width, height, mobile);
    }

    private void assertNoSidewaysScroll() {
        BrowserHarness.assertNoSidewaysScroll(driver);
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private void screenshot(String name) {
        BrowserHarness.screenshot(driver, name);
    }
}
