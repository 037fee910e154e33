package dev.cartera.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** What every browser test does the same way: size the window, check for sideways scrolling, keep a screenshot. */
final class BrowserHarness {
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private BrowserHarness() {
    }

    static void viewport(ChromeDriver driver, int width, int height, boolean mobile) {
        driver.manage().window().setSize(new Dimension(width, height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    static void assertNoSidewaysScroll(ChromeDriver driver) {
        long scrollWidth = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) driver.executeScript("return window.innerWidth")).longValue();
        assertThat(scrollWidth).as("page width %d within the viewport %d on %s", scrollWidth, innerWidth, driver.getCurrentUrl())
                .isLessThanOrEqualTo(innerWidth);
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
}
