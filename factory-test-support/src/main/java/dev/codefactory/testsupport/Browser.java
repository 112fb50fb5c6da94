package dev.codefactory.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromium-driver} for the end-to-end tests of
 * the web mirror. Both come from apt ({@code .ci/run} installs them); Selenium Manager never runs, since the driver's
 * executable and the browser's binary are both given, so nothing is downloaded. A test calls
 * {@code assumeTrue(Browser.available(), Browser.MISSING)} first, so it skips with that message where no browser
 * is installed. The browser's console is recorded, so a test can show that no page broke its own Content Security
 * Policy.
 */
public final class Browser implements AutoCloseable {
    /** Debian's chromium. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's chromium-driver. */
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Why a browser test skips. */
    public static final String MISSING = "no chromium/chromedriver: install with apt-get install chromium chromium-driver";

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Selenium warns on every start that it has no DevTools classes for this chromium: these tests use none. */
    private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** Whether Debian's chromium and chromium-driver are installed here. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** A new headless chromium with an empty profile; call {@link #available()} first. */
    public static Browser start() {
        DEVTOOLS.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root, where chromium's sandbox cannot start; /dev/shm is small in containers
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--window-size=1280,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** The driver, for what this class does not offer. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} and returns once the page has loaded. */
    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** The first element matching {@code css}, waiting up to 10 s for it to appear. */
    public WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Every element matching {@code css} now. */
    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The current address. */
    public String url() {
        return driver.getCurrentUrl();
    }

    /** The text of an alert, confirm or prompt dialog open now, or null: a script that ran would have opened one. */
    public String openDialog() {
        try {
            Alert alert = driver.switchTo().alert();
            String text = alert.getText();
            alert.dismiss();
            return text;
        } catch (NoAlertPresentException none) {
            return null;
        }
    }

    /** The console's warnings and errors since the last call (a Content Security Policy violation is one). */
    public List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
