package dev.cartera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Dashboards and reports in a real headless Chromium (KD-5, KD-8, X-3, X-16, X-17): every profile's
 * dashboard on a phone and a desktop draws its charts without sideways scrolling; a manager builds
 * and saves a report grouped by stage and rep, exports it to Excel and creates a call for each row.
 * Screenshots land in {@code target/screenshots/}. Skipped, with a notice, where Chromium is missing.
 */
@DemoOnH2
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoReportsBrowserTests {
    /** True when the canvas holds at least one painted pixel. */
    private static final String PAINTED = """
            const c = arguments[0];
            const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) { return true; } }
            return false;""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ChromeDriver driver;
    private Path profile;
    private String signedIn;

    @BeforeAll
    void startBrowser() throws IOException {
        BrowserHarness.assumeChromium(DemoReportsBrowserTests.class);
        profile = Files.createTempDirectory("cartera-chromium-reports");
        driver = BrowserHarness.chromium(profile);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        BrowserHarness.close(driver, profile);
    }

    @ParameterizedTest(name = "{0} dashboard at {1}x{2}")
    @CsvSource({"rep, 390, 844", "rep, 1280, 800", "manager, 390, 844", "manager, 1280, 800",
            "director, 390, 844", "director, 1280, 800"})
    void everyDashboardDrawsItsChartsAndFits(String user, int width, int height) {
        signIn(user);
        viewport(width, height, width < 768);
        driver.get(url("/crm"));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=dashboard]")));
        String expected = "director".equals(user) ? "director" : user;
        assertThat(driver.findElement(By.cssSelector("[data-testid=dashboard]")).getAttribute("data-profile")).isEqualTo(expected);

        List<WebElement> charts = awaitCharts();
        assertThat(charts).as("charts on the %s dashboard", user).hasSizeGreaterThanOrEqualTo("manager".equals(user) ? 5 : 3);
        for (WebElement chart : charts) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
            assertThat(chart.getSize().getWidth()).as("chart width").isGreaterThan(100).isLessThanOrEqualTo(width);
            assertThat((Boolean) driver.executeScript(PAINTED, chart)).as("chart drawn on the %s dashboard", user).isTrue();
        }
        assertNoSidewaysScroll();
        driver.executeScript("window.scrollTo(0, 0)");
        screenshot("dashboard-" + user + "-" + width + "x" + height);
        if ("director".equals(user)) {
            WebElement offices = driver.findElement(By.cssSelector("[data-testid=figure-by-office]"));
            driver.executeScript("arguments[0].scrollIntoView()", offices);
            offices.findElement(By.tagName("summary")).click();
            assertThat(offices.findElement(By.cssSelector("[data-testid=figure-table]")).isDisplayed()).isTrue();
            assertNoSidewaysScroll();
            screenshot("dashboard-director-" + width + "x" + height + "-by-office");
            driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.cssSelector("[data-testid=figure-by-channel]")));
            screenshot("dashboard-director-" + width + "x" + height + "-by-channel");
        }
    }

    @ParameterizedTest(name = "at {0}x{1}")
    @CsvSource({"1280, 800", "390, 844"})
    void aManagerBuildsSavesExportsAReportByStageAndRepAndCreatesACallForEachRow(int width, int height) throws Exception {
        String size = width + "x" + height;
        signIn("manager");
        viewport(width, height, width < 768);
        driver.get(url("/crm/reports"));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=reports]")));
        awaitCharts();
        assertNoSidewaysScroll();
        screenshot("reports-" + size);

        click("[data-testid=report-new]");
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=builder-form]")));
        new Select(driver.findElement(By.cssSelector("[data-testid=grouping-0]"))).selectByValue("stage");
        new Select(driver.findElement(By.cssSelector("[data-testid=grouping-1]"))).selectByValue("owner");
        check("[data-testid='measure-COUNT']");
        check("[data-testid='measure-SUM:amount']");
        new Select(driver.findElement(By.cssSelector("[data-testid=filter-field-0]"))).selectByValue("status");
        new Select(driver.findElement(By.cssSelector("[data-testid=filter-operator-0]"))).selectByValue("EQ");
        driver.findElement(By.cssSelector("[data-testid=filter-value-0]")).sendKeys("OPEN");
        String name = "Abiertas por fase y comercial " + UUID.randomUUID().toString().substring(0, 6);
        driver.findElement(By.cssSelector("[data-testid=report-name]")).sendKeys(name);
        check("[data-testid=report-shared]");
        // Conditional formatting: groups with two or more open deals in green, a sum under 1.000 € in bold.
        new Select(driver.findElement(By.cssSelector("[data-testid=format-key-0]"))).selectByValue("count");
        new Select(driver.findElement(By.cssSelector("[data-testid=format-operator-0]"))).selectByValue("GE");
        driver.findElement(By.cssSelector("[data-testid=format-value-0]")).sendKeys("2");
        new Select(driver.findElement(By.cssSelector("[data-testid=format-highlight-0]"))).selectByValue("GREEN");
        new Select(driver.findElement(By.cssSelector("[data-testid=format-key-1]"))).selectByValue("sum_amount");
        new Select(driver.findElement(By.cssSelector("[data-testid=format-operator-1]"))).selectByValue("LT");
        driver.findElement(By.cssSelector("[data-testid=format-value-1]")).sendKeys("1.000");
        new Select(driver.findElement(By.cssSelector("[data-testid=format-highlight-1]"))).selectByValue("BOLD");
        assertNoSidewaysScroll();
        screenshot("report-builder-" + size);
        click("[data-testid=builder-save]");

        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=report-title]"), name));
        WebElement figure = driver.findElement(By.cssSelector("[data-testid=figure-custom]"));
        click(figure.findElement(By.tagName("summary")));
        List<WebElement> rows = figure.findElements(By.cssSelector("[data-testid=figure-table] tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(figure.findElement(By.cssSelector("[data-testid=figure-table] thead")).getText()).contains("Fase", "Comercial");
        // Every group row: the count cell is green exactly when the group has two or more deals.
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            long count = Long.parseLong(cells.get(2).getAttribute("textContent").replaceAll("[^0-9]", ""));
            assertThat(cells.get(2).getAttribute("data-highlight")).as("count %d", count).isEqualTo(count >= 2 ? "GREEN" : null);
        }
        awaitCharts();
        assertNoSidewaysScroll();
        screenshot("report-saved-" + size);

        String href = driver.findElement(By.cssSelector("[data-testid=export-xlsx]")).getAttribute("href");
        String xlsx = (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });""", href);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(xlsx)))) {
            var sheet = book.getSheetAt(0);
            var header = sheet.getRow(0);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue())).containsExactly("Fase", "Comercial");
            assertThat(sheet.getLastRowNum()).as("one spreadsheet row per table row").isEqualTo(rows.size());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var count = sheet.getRow(r).getCell(2);
                boolean green = count.getCellStyle().getFillForegroundColor() == org.apache.poi.ss.usermodel.IndexedColors.LIGHT_GREEN.getIndex();
                assertThat(green).as("row %d of the spreadsheet, count %s", r, count.getNumericCellValue())
                        .isEqualTo(count.getNumericCellValue() >= 2);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({
                  status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
                  nosniff: r.headers.get('x-content-type-options'), first: new TextDecoder().decode(new Uint8Array(b).slice(0, 2)),
                  size: b.byteLength })));""", href);
        assertThat(download.get("status")).isEqualTo(200L);
        assertThat((String) download.get("type")).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat((String) download.get("disposition")).startsWith("attachment").endsWith(".xlsx\"");
        assertThat(download.get("nosniff")).isEqualTo("nosniff");
        assertThat(download.get("first")).isEqualTo("PK");

        String subject = "Llamada de seguimiento " + UUID.randomUUID().toString().substring(0, 6);
        String reportId = driver.getCurrentUrl().replaceAll(".*/custom/([0-9a-f-]{36}).*", "$1");
        new Select(driver.findElement(By.cssSelector("[data-testid=task-type]"))).selectByValue("CALL");
        driver.findElement(By.cssSelector("[data-testid=task-subject]")).sendKeys(subject);
        click("[data-testid=bulk-tasks-submit]");
        WebElement created = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=tasks-created]")));
        long calls = jdbc.queryForObject("select count(*) from crm_activity where tenant_id = 'demo' and type = 'CALL' and subject = ?",
                Long.class, subject);
        long openInScope = jdbc.queryForObject("""
                select count(*) from crm_opportunity o join crm_user u on u.id = o.owner_id and u.tenant_id = o.tenant_id
                where o.tenant_id = 'demo' and o.status = 'OPEN'
                  and u.team_id = (select team_id from crm_user where tenant_id = 'demo' and username = 'manager')""", Long.class);
        assertThat(calls).isPositive().isEqualTo(openInScope);
        assertThat(created.getText()).contains(String.valueOf(calls));
        assertThat(reportId).hasSize(36);
        assertNoSidewaysScroll();
        screenshot("report-tasks-created-" + size);

        // The calls are open tasks of the manager's team (each with its deal's owner), as the REST API lists them.
        Number listed = (Number) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const [base, subject, user] = arguments;
                let found = 0;
                const headers = {Accept: 'application/json', Authorization: 'Basic ' + btoa(user)};
                const page = n => fetch(base + n, {headers}).then(r => r.json()).then(p => {
                  found += p.items.filter(t => t.subject === subject && t.type === 'CALL' && t.status === 'PLANNED').length;
                  if (n + 1 < p.totalPages) { page(n + 1); } else { done(found); } }).catch(e => done(-1));
                page(0);""",
                url("/crm/api/v1/tasks?status=PLANNED&size=200&page="), subject, "manager:" + DemoTenants.PASSWORD);
        assertThat(listed.longValue()).isEqualTo(calls);
    }

    @Test
    void aDirectorOnAPhoneReadsThisMonthAgainstLastYearAndTheYearToDateByChannelAndByOffice() {
        signIn("director");
        viewport(390, 844, true);
        driver.get(url("/crm"));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=dashboard]")));
        awaitCharts();
        @SuppressWarnings("unchecked")
        Map<String, Object> board = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {headers: {Accept: 'application/json', Authorization: 'Basic ' + btoa(arguments[1])}})
                  .then(r => r.json()).then(done).catch(e => done({error: String(e)}));""",
                url("/crm/api/v1/dashboards/director"), "director:" + DemoTenants.PASSWORD);
        assertThat(board).as("the director dashboard from the REST API").containsKey("revenue");
        @SuppressWarnings("unchecked")
        Map<String, Object> revenue = (Map<String, Object>) board.get("revenue");
        String month = driver.findElement(By.cssSelector("[data-testid=kpi-revenue-month]")).getText();
        assertThat(amounts(month)).as("this month and the same month last year, as the API says")
                .contains(amount(revenue.get("monthToDate")), amount(revenue.get("monthToDateLastYear")));
        assertThat(amounts(driver.findElement(By.cssSelector("[data-testid=kpi-revenue-ytd]")).getText()))
                .contains(amount(revenue.get("yearToDate")), amount(revenue.get("previousYearToDate")));
        assertNoSidewaysScroll();

        for (String[] by : new String[][] {{"by-office", "revenueByOffice"}, {"by-channel", "revenueByChannel"}}) {
            WebElement figure = driver.findElement(By.cssSelector("[data-testid=figure-" + by[0] + "]"));
            click(figure.findElement(By.tagName("summary")));
            WebElement table = figure.findElement(By.cssSelector("[data-testid=figure-table]"));
            assertThat(table.isDisplayed()).isTrue();
            assertThat(table.findElement(By.tagName("thead")).getAttribute("textContent"))
                    .contains("Este mes", "Mismo mes año anterior", "Acumulado", "Acumulado año anterior");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> expected = (List<Map<String, Object>>) board.get(by[1]);
            List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
            assertThat(rows).as("a row per %s", by[0]).hasSize(expected.size()).isNotEmpty();
            for (int i = 0; i < rows.size(); i++) {
                List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
                Map<String, Object> want = expected.get(i);
                assertThat(amount(cells.get(1))).isEqualTo(amount(want.get("monthToDate")));
                assertThat(amount(cells.get(2))).isEqualTo(amount(want.get("monthToDateLastYear")));
                assertThat(amount(cells.get(4))).isEqualTo(amount(want.get("yearToDate")));
                assertThat(amount(cells.get(5))).isEqualTo(amount(want.get("previousYearToDate")));
            }
            assertNoSidewaysScroll();
            screenshot("director-390x844-" + by[0] + "-table");
        }

        // The same figures as a standard report, chosen on the reports page as a person would.
        driver.get(url("/crm/reports"));
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=reports]")));
        new Select(driver.findElement(By.cssSelector("[data-testid=standard-report]"))).selectByValue("same-month");
        wait(10).until(ExpectedConditions.urlContains("report=same-month"));
        new Select(driver.findElement(By.cssSelector("[data-testid=standard-dimension]"))).selectByValue("OFFICE");
        click("[data-testid=standard-run]");
        wait(10).until(ExpectedConditions.urlContains("dimension=OFFICE"));
        WebElement figure = driver.findElement(By.cssSelector("[data-testid=figure-standard]"));
        assertThat(figure.getText()).contains("Mes frente al mismo mes del año anterior");
        click(figure.findElement(By.tagName("summary")));
        assertThat(figure.findElement(By.cssSelector("[data-testid=figure-table] thead")).getAttribute("textContent"))
                .contains("Mismo mes año anterior", "Acumulado", "Variación del acumulado");
        awaitCharts();
        assertNoSidewaysScroll();
        screenshot("director-390x844-same-month-report");
    }

    /** Every amount in a text, as numbers (Spanish format: 1.234,56 €). */
    private static List<java.math.BigDecimal> amounts(String text) {
        List<java.math.BigDecimal> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?[0-9][0-9.]*,[0-9]{2}").matcher(text);
        while (m.find()) {
            out.add(new java.math.BigDecimal(m.group().replace(".", "").replace(',', '.')));
        }
        return out;
    }

    private static java.math.BigDecimal amount(WebElement cell) {
        List<java.math.BigDecimal> found = amounts(cell.getAttribute("textContent"));
        assertThat(found).as("an amount in %s", cell.getAttribute("textContent")).hasSize(1);
        return found.get(0);
    }

    private static java.math.BigDecimal amount(Object json) {
        return new java.math.BigDecimal(String.valueOf(json)).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private void signIn(String user) {
        if (user.equals(signedIn)) {
            return;
        }
        driver.manage().deleteAllCookies();
        driver.get(url("/crm"));
        BrowserHarness.signIn(driver, user, DemoTenants.PASSWORD);
        signedIn = user;
    }

    /** Waits until Chart.js has drawn every chart on the page. */
    private List<WebElement> awaitCharts() {
        wait(10).until(d -> (Boolean) driver.executeScript(
                "return typeof Chart !== 'undefined' && [...document.querySelectorAll('canvas[data-chart]')].every(c => c.dataset.drawn === 'true')"));
        return driver.findElements(By.cssSelector("canvas[data-chart]"));
    }

    private void check(String css) {
        WebElement box = driver.findElement(By.cssSelector(css));
        if (!box.isSelected()) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
            box.click();
        }
    }

    private void click(String css) {
        click(driver.findElement(By.cssSelector(css)));
    }

    /** Scrolls the element into the middle of the screen and clicks it as a person would (no script click). */
    private void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
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
