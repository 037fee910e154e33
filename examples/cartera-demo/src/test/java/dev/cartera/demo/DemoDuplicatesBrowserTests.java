package dev.cartera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Duplicates on a phone (390×844, X-1) in a real headless Chromium: typing a customer that already
 * exists into the new-customer form warns while typing; once created anyway, the card offers the twin,
 * the side-by-side merge keeps the values picked, and the surviving card shows the merge. Every step
 * is tapped (no script clicks), fits the screen, and leaves a screenshot in {@code target/screenshots/}.
 */
@DemoOnH2
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDuplicatesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ChromeDriver driver;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        BrowserHarness.assumeChromium(DemoDuplicatesBrowserTests.class);
        profile = Files.createTempDirectory("cartera-chromium-duplicates");
        driver = BrowserHarness.chromium(profile);
        BrowserHarness.viewport(driver, 390, 844, true);
        driver.get(url("/crm"));
        BrowserHarness.signIn(driver, "admin", DemoTenants.PASSWORD);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        BrowserHarness.close(driver, profile);
    }

    @Test
    void aCustomerTypedTwiceIsFlaggedWhileTypingAndMergedSideBySideOnAPhone() {
        Map<String, Object> existing = jdbc.queryForMap("select id, name, tax_id from crm_account where tenant_id = 'demo'"
                + " and tax_id is not null and kind = 'COMPANY' order by name limit 1");
        String existingId = existing.get("id").toString();
        String existingName = (String) existing.get("name");

        driver.get(url("/crm/accounts"));
        click("accounts-new");
        visible("account-form-page");
        String typedName = existingName.toUpperCase(java.util.Locale.ROOT);
        visible("account-name").sendKeys(typedName);
        visible("account-taxId").sendKeys("ES " + existing.get("tax_id"));
        visible("account-phone").sendKeys("600 123 " + (100 + new java.util.Random().nextInt(899)));
        WebElement warning = wait(10).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=duplicate-warning] [data-testid=duplicate-candidate]")));
        assertThat(warning.getText()).contains(existingName, "NIF/CIF");
        BrowserHarness.assertNoSidewaysScroll(driver);
        screenshot("duplicates-390x844-1-warning");
        click("account-save");

        visible("card");
        String newId = driver.getCurrentUrl().replaceAll(".*/accounts/([0-9a-f-]{36}).*", "$1");
        assertThat(newId).hasSize(36).isNotEqualTo(existingId);
        WebElement twins = visible("card-twins");
        assertThat(twins.getText()).contains(existingName);
        BrowserHarness.assertNoSidewaysScroll(driver);

        driver.get(url("/crm/duplicates?type=account"));
        WebElement pair = visible("duplicate-pairs");
        assertThat(pair.getText()).contains(existingName, typedName);
        BrowserHarness.assertNoSidewaysScroll(driver);
        screenshot("duplicates-390x844-2-list");

        driver.navigate().back();
        visible("card-twins");
        click("compare-" + existingId);
        visible("merge-page");
        BrowserHarness.assertNoSidewaysScroll(driver);
        screenshot("duplicates-390x844-3-compare");
        click("survivor-b");
        click("pick-name-b");
        click("pick-phone-a");
        click("merge-review");

        visible("merge-summary");
        assertThat(visible("merge-summary").getText()).contains(existingName);
        BrowserHarness.assertNoSidewaysScroll(driver);
        screenshot("duplicates-390x844-4-review");
        click("merge-confirm");

        WebElement merged = visible("merged");
        assertThat(driver.getCurrentUrl()).contains("/crm/accounts/" + existingId);
        assertThat(visible("card-name").getText()).isEqualTo(existingName);
        assertThat(jdbc.queryForObject("select count(*) from crm_account where id = ?", Long.class, UUID.fromString(newId))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from crm_audit where tenant_id = 'demo' and action = 'MERGE' and record_id = ?",
                Long.class, UUID.fromString(existingId))).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select phone from crm_account where id = ?", String.class, UUID.fromString(existingId)))
                .as("the phone picked from the record that went").startsWith("+34600123");
        assertThat(merged.getText()).contains("fusionados");
        BrowserHarness.assertNoSidewaysScroll(driver);
        screenshot("duplicates-390x844-5-merged");
    }

    /** Scrolls the element into the middle of the screen and taps it (no script click). */
    private void click(String testId) {
        WebElement element = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=" + testId + "]")));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait(10).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private WebElement visible(String testId) {
        return wait(15).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=" + testId + "]")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private void screenshot(String name) {
        BrowserHarness.screenshot(driver, name);
    }
}
