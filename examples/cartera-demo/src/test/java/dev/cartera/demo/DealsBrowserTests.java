package dev.cartera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6 in a real headless Chromium: a card dragged to another stage at desktop size, a deal moved
 * with "Mover a…" on a phone, and the whole quote story on a phone — build it with a recurring
 * service and a one-off product at different IVA rates, watch the totals follow, send it, open the
 * customer's link in a fresh browser, accept, and find the deal won on the board with its PDF.
 * Screenshots land in {@code target/screenshots/}. Skipped, with a notice, where Chromium is missing.
 */
@DemoOnH2
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final List<Path> profiles = new ArrayList<>();
    private final List<ChromeDriver> drivers = new ArrayList<>();
    private ChromeDriver driver;

    @BeforeAll
    void startBrowser() throws IOException {
        BrowserHarness.assumeChromium(DealsBrowserTests.class);
        driver = browser();
        viewport(driver, 1280, 800, false);
        driver.get(url("/crm"));
        BrowserHarness.signIn(driver, "rep", DemoTenants.PASSWORD);
    }

    @AfterAll
    void stopBrowsers() throws IOException {
        for (ChromeDriver d : drivers) {
            d.quit();
        }
        for (Path profile : profiles) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aCardDraggedToAnotherStageMovesTheDealAtDesktopSize() {
        viewport(driver, 1280, 800, false);
        UUID deal = openDealOfRepIn("En análisis");
        driver.get(url("/crm/opportunities/board"));
        WebElement card = wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(cardOf(deal)));
        screenshot(driver, "board-1280x800");
        WebElement target = driver.findElement(By.cssSelector("[data-testid=board-column][data-stage-name='En negociación'] .board-cards"));

        new Actions(driver).clickAndHold(card).pause(Duration.ofMillis(200)).moveByOffset(10, 10).pause(Duration.ofMillis(200))
                .moveToElement(target).pause(Duration.ofMillis(200)).moveByOffset(0, 5).pause(Duration.ofMillis(200)).release().perform();

        wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=board-notice]")));
        wait(driver, 10).until(d -> !d.findElements(By.cssSelector(
                "[data-testid=board-column][data-stage-name='En negociación'] [data-opportunity-id='" + deal + "']")).isEmpty());
        assertThat(stageOf(deal)).isEqualTo("En negociación");
        assertNoSidewaysScroll(driver);
        screenshot(driver, "board-1280x800-dragged");
    }

    @Test
    void aDealMovesWithMoverAOnAPhone() {
        viewport(driver, 390, 844, true);
        UUID deal = openDealOfRepIn("En análisis");
        driver.get(url("/crm/opportunities/board"));
        driver.findElement(By.cssSelector("[data-testid=board-tab-0]")).click();
        WebElement card = wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(cardOf(deal)));
        assertThat(driver.findElement(By.cssSelector("[data-testid=board-tabs]")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("[data-testid=board-column]")).stream().filter(WebElement::isDisplayed).count())
                .as("one stage at a time on a phone").isEqualTo(1);
        assertNoSidewaysScroll(driver);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
        screenshot(driver, "board-390x844");

        new Select(card.findElement(By.cssSelector("[data-testid=card-move]"))).selectByVisibleText("Oferta presentada");

        wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=board-notice]")));
        assertThat(stageOf(deal)).isEqualTo("Oferta presentada");
        driver.findElement(By.cssSelector("[data-testid=board-tab-1]")).click();
        wait(driver, 5).until(ExpectedConditions.visibilityOfElementLocated(cardOf(deal)));
        screenshot(driver, "board-390x844-moved");
    }

    @Test
    void losingADealAsksForTheReasonInADialog() {
        viewport(driver, 1280, 800, false);
        UUID deal = openDealOfRepIn("En análisis", "Oferta presentada");
        driver.get(url("/crm/opportunities/board"));
        WebElement card = wait(driver, 10).until(ExpectedConditions.presenceOfElementLocated(cardOf(deal)));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", card);

        new Select(card.findElement(By.cssSelector("[data-testid=card-move]"))).selectByVisibleText("Cancelada");

        WebElement dialog = wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=move-dialog]")));
        assertThat(dialog.getText()).contains("Cancelada", "Motivo de pérdida", "Elige un motivo de pérdida");
        screenshot(driver, "board-1280x800-lost-dialog");
        new Select(dialog.findElement(By.cssSelector("[data-testid=move-reason]"))).selectByVisibleText("Competencia");
        dialog.findElement(By.cssSelector("[data-testid=move-submit]")).click();

        wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=board-notice]")));
        wait(driver, 5).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=move-dialog]")));
        assertThat(stageOf(deal)).isEqualTo("Cancelada");
        assertThat(jdbc.queryForObject("select lost_reason from crm_opportunity where id = ?", String.class, deal)).isEqualTo("Competencia");
    }

    @Test
    void aRepBuildsAQuoteOnAPhoneTheCustomerAcceptsItAndTheDealIsWonWithItsPdf() throws IOException {
        viewport(driver, 390, 844, true);
        UUID deal = openDealOfRepIn("En negociación", "Oferta presentada", "En análisis");
        driver.get(url("/crm/opportunities/" + deal));
        wait(driver, 10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=deal-new-quote]"))).click();
        wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=quote-builder]")));

        addProduct("cafetera", "CAF-2G");
        addProduct("mantenimiento", "MANT-CAF");
        addProduct("café en grano", "CAFE-1KG");
        WebElement oneOff = wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=totals-oneOff] [data-testid=total-gross]")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=totals-recurringMonthly]")).getText()).contains("IVA 21 %");
        assertThat(driver.findElement(By.cssSelector("[data-testid=totals-oneOff]")).getText()).contains("IVA 21 %", "IVA 10 %");
        String before = oneOff.getText();
        List<WebElement> quantities = driver.findElements(By.cssSelector("[data-testid=line-quantity]"));
        WebElement coffee = quantities.get(2);
        coffee.clear();
        coffee.sendKeys("5");
        wait(driver, 10).until(d -> !d.findElement(By.cssSelector("[data-testid=totals-oneOff] [data-testid=total-gross]"))
                .getText().equals(before));
        assertNoSidewaysScroll(driver);
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.cssSelector("[data-testid=quote-totals]")));
        screenshot(driver, "quote-390x844-totals");

        driver.findElement(By.cssSelector("[data-testid=quote-save]")).click();
        wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=quote-saved]")));
        WebElement to = driver.findElement(By.cssSelector("[data-testid=quote-send-to]"));
        if (to.getAttribute("value").isBlank()) {
            to.sendKeys("compras@cliente-demo.es");
        }
        driver.findElement(By.cssSelector("[data-testid=quote-send]")).click();
        WebElement link = wait(driver, 15).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=quote-link]")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=quote-status]")).getText()).isEqualTo("Enviado");
        screenshot(driver, "quote-390x844-sent");
        String customerLink = link.getAttribute("href").replaceFirst("^https?://[^/]+", "http://localhost:" + port);

        ChromeDriver customer = browser();
        viewport(customer, 390, 844, true);
        customer.get(customerLink);
        wait(customer, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=public-quote]")));
        assertThat(customer.findElement(By.cssSelector("[data-testid=public-firm]")).getText()).isEqualTo("Suministros Levante S.L.");
        assertThat(customer.findElement(By.cssSelector("[data-testid=public-status]")).getText()).isEqualTo("Visto");
        assertThat(customer.findElement(By.cssSelector("[data-testid=public-pdf]")).getAttribute("href")).endsWith("/pdf");
        assertNoSidewaysScroll(customer);
        screenshot(customer, "public-quote-390x844");
        customer.findElement(By.cssSelector("[data-testid=public-name]")).sendKeys("Carmen Soler");
        customer.findElement(By.cssSelector("[data-testid=public-accept]")).click();
        wait(customer, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=public-result]")));
        assertThat(customer.findElement(By.cssSelector("[data-testid=public-status]")).getText()).isEqualTo("Aceptado");
        screenshot(customer, "public-quote-390x844-accepted");

        viewport(driver, 1280, 800, false);
        driver.get(url("/crm/opportunities/board"));
        wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=board-column][data-stage-name='Ganada'] [data-opportunity-id='" + deal + "']")));
        screenshot(driver, "board-1280x800-won");
        driver.get(url("/crm/opportunities/" + deal));
        assertThat(wait(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=deal-stage]")))
                .getText()).isEqualTo("Ganada");
        assertThat(driver.findElement(By.cssSelector("[data-testid=deal-documents]")).getText()).contains("Presupuesto-", ".pdf");
        assertThat(driver.findElement(By.cssSelector("[data-testid=deal-quotes]")).getText()).contains("Aceptado");
        screenshot(driver, "deal-1280x800-won");
    }

    private void addProduct(String search, String sku) {
        WebElement box = driver.findElement(By.cssSelector("[data-testid=product-search]"));
        box.clear();
        box.sendKeys(search);
        By add = By.cssSelector("[data-testid='add-product-" + sku + "']");
        int lines = driver.findElements(By.cssSelector("[data-testid=quote-line]")).size();
        wait(driver, 10).until(ExpectedConditions.elementToBeClickable(add)).click();
        wait(driver, 10).until(d -> d.findElements(By.cssSelector("[data-testid=quote-line]")).size() == lines + 1);
    }

    /** An open deal of the rep in the first of these stages that has one, with a customer and no quote yet. */
    private UUID openDealOfRepIn(String... stages) {
        for (String stage : stages) {
            List<UUID> found = jdbc.query("""
                    select o.id from crm_opportunity o join crm_user u on u.id = o.owner_id and u.tenant_id = o.tenant_id
                    join crm_stage s on s.id = o.stage_id
                    where o.tenant_id = 'demo' and u.username = 'rep' and o.status = 'OPEN' and o.account_id is not null
                    and s.name = ? and not exists (select 1 from crm_quote q where q.opportunity_id = o.id)
                    order by o.created_at desc""", (rs, row) -> rs.getObject(1, UUID.class), stage);
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new IllegalStateException("the demo has no open deal of rep in " + List.of(stages));
    }

    private String stageOf(UUID deal) {
        return jdbc.queryForObject("select s.name from crm_opportunity o join crm_stage s on s.id = o.stage_id where o.id = ?",
                String.class, deal);
    }

    private static By cardOf(UUID deal) {
        return By.cssSelector("[data-testid=board-card][data-opportunity-id='" + deal + "']");
    }

    private ChromeDriver browser() throws IOException {
        Path profile = Files.createTempDirectory("cartera-chromium");
        profiles.add(profile);
        ChromeDriver chrome = BrowserHarness.chromium(profile);
        drivers.add(chrome);
        return chrome;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void viewport(ChromeDriver d, int width, int height, boolean mobile) {
        BrowserHarness.viewport(d, width, height, mobile);
    }

    private static void assertNoSidewaysScroll(ChromeDriver d) {
        BrowserHarness.assertNoSidewaysScroll(d);
    }

    private static WebDriverWait wait(ChromeDriver d, int seconds) {
        return new WebDriverWait(d, Duration.ofSeconds(seconds));
    }

    private static void screenshot(ChromeDriver d, String name) {
        BrowserHarness.screenshot(d, name);
    }
}
