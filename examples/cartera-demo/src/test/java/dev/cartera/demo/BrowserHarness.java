package dev.cartera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every browser test does the same way: size the window, check for sideways scrolling, keep a screenshot. */
final class BrowserHarness {
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    private BrowserHarness() {
    }

    /** Skips the calling test class, with a visible notice, where Debian's Chromium and its driver are missing. */
    static void assumeChromium(Class<?> test) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            System.err.println("NOTICE: " + test.getSimpleName() + " skipped: /usr/bin/chromium and /usr/bin/chromedriver are needed"
                    + " (apt-get install -y chromium chromium-driver).");
        }
        Assumptions.assumeTrue(present, "Chromium is not installed at /usr/bin/chromium: browser tests skipped");
    }

    /** A headless Chromium with the flags this machine needs and its own profile directory. */
    static ChromeDriver chromium(Path profile) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=es-ES", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static void viewport(ChromeDriver driver, int width, int height, boolean mobile) {
        driver.manage().window().setSize(new Dimension(width, height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /**
     * The page is no wider than the screen. Measured against the layout width ({@code clientWidth}), not
     * {@code window.innerWidth}: in phone emulation Chromium widens the visual viewport to fit content that
     * overflows (as a phone zooms out), so {@code innerWidth} grows with the overflow and hides it.
     */
    static void assertNoSidewaysScroll(ChromeDriver driver) {
        long scrollWidth = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
        long clientWidth = ((Number) driver.executeScript("return document.documentElement.clientWidth")).longValue();
        long innerWidth = ((Number) driver.executeScript("return window.innerWidth")).longValue();
        assertThat(scrollWidth).as("page width %d within the screen width %d (window.innerWidth %d) on %s", scrollWidth, clientWidth,
                innerWidth, driver.getCurrentUrl()).isLessThanOrEqualTo(clientWidth);
    }

    static void screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        }
    }

    /** Signs in on the login page the browser was just sent to, and waits for the dashboard. */
    static void signIn(ChromeDriver driver, String username, String password) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("[data-testid=login-submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=dashboard]")));
    }

    /** Quits the browser and deletes its throw-away profile; either may be null when start-up failed. */
    static void close(ChromeDriver driver, Path profile) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
