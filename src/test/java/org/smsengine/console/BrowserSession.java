package org.smsengine.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver, for the console's browser tests (*BrowserIT,
 * {@code -Pbrowser}). It uses the browser and driver installed on the machine (Debian's
 * {@code chromium} and {@code chromium-driver}) and never downloads one: with both paths given,
 * Selenium Manager is not asked, so a test run neither needs the network nor pulls in a browser
 * of another version than the driver's.
 */
public final class BrowserSession implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Committed, so the README and docs/console.md can show the console as the tests last saw it. */
    private static final Path SCREENSHOTS = Path.of("src/site/screenshots");
    private static final Dimension DESKTOP = new Dimension(1280, 800);
    private static final Dimension PHONE = new Dimension(390, 844);
    /**
     * Run by Chromium before any script of each page (not an inline script, so the page's own policy does
     * not stop it): keeps every Content-Security-Policy violation in the tab's session storage, which
     * outlives the page, so a test reads all of them at its end.
     */
    private static final String VIOLATION_RECORDER = """
            document.addEventListener('securitypolicyviolation', e => {
                const seen = JSON.parse(sessionStorage.getItem('policy-violations') || '[]');
                seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
                sessionStorage.setItem('policy-violations', JSON.stringify(seen));
            });""";

    private final ChromeDriver driver;

    private BrowserSession(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts Chromium at desktop size; the binary from {@code -Dbrowser.binary} or {@code CHROME_BIN}, else Debian's. */
    public static BrowserSession start() {
        String env = System.getenv("CHROME_BIN");
        Path binary = installed(System.getProperty("browser.binary", env == null ? "/usr/bin/chromium" : env));
        Path chromedriver = installed(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start;
        // --disable-dev-shm-usage: a container's /dev/shm (64 MB) is too small for its renderers
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        BrowserSession session = new BrowserSession(new ChromeDriver(service, options));
        try {
            session.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", VIOLATION_RECORDER));
            session.desktop();
            return session;
        } catch (RuntimeException e) {
            session.close();        // a Chromium nobody holds would outlive the test run
            throw e;
        }
    }

    private static Path installed(String path) {
        Path file = Path.of(path);
        if (!Files.isExecutable(file)) {
            throw new IllegalStateException(file + " is missing: the browser tests use the installed Chromium "
                    + "(apt-get install chromium chromium-driver, or -Dbrowser.binary / -Dwebdriver.chrome.driver)");
        }
        return file;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Signs in through the login form and waits until the console has left the login page. */
    public void login(String baseUrl, String user, String password) {
        open(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        // a wrong password lands on /login?error, which times out here with the URL in the message
        new WebDriverWait(driver, WAIT).withMessage(() -> "still on the login page as " + user + ": " + driver.getCurrentUrl())
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * Signs out and waits for the login page it lands on. Not for the old page to go stale: asked about
     * an element of a page it is replacing, Chromium may answer "Node with given id does not belong to
     * the document", an unknown error rather than a stale element, which ended a wait for staleness.
     */
    public void logout() {
        driver.findElement(By.id("logout")).click();
        new WebDriverWait(driver, WAIT).withMessage(() -> "not signed out: " + driver.getCurrentUrl())
                .until(ExpectedConditions.urlContains("/login?logout"));
    }

    /** What the Content-Security-Policy refused in this tab's pages of the engine so far (read on one of them). */
    @SuppressWarnings("unchecked")
    public List<String> policyViolations() {
        return (List<String>) driver.executeScript("return JSON.parse(sessionStorage.getItem('policy-violations') || '[]')");
    }

    /** Waits until the element's text satisfies {@code expected} (a live page updates it); returns that text. */
    public String awaitText(By element, Predicate<String> expected) {
        return awaitText(element, expected, WAIT);
    }

    public String awaitText(By element, Predicate<String> expected, Duration timeout) {
        String[] last = {null};
        return new WebDriverWait(driver, timeout).withMessage(() -> element + " read \"" + last[0] + "\"")
                .ignoring(StaleElementReferenceException.class)
                .until(page -> {
                    // the element may be replaced while the page updates: look it up again on each try
                    last[0] = page.findElement(element).getText();
                    return expected.test(last[0]) ? last[0] : null;
                });
    }

    /** A phone's page size (390×844), to check the console on a small screen. */
    public void phone() {
        viewport(PHONE);
    }

    /** The page size a session starts with (1280×800). */
    public void desktop() {
        viewport(DESKTOP);
    }

    /**
     * Sizes the page, not the window: even headless, the window counts a frame of about 140 pixels
     * of height that the page does not get, and the screenshots and the console's layout would be
     * of a smaller screen than the one named.
     */
    private void viewport(Dimension page) {
        driver.manage().window().setSize(page);
        List<?> inner = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
        int width = ((Number) inner.get(0)).intValue();
        int height = ((Number) inner.get(1)).intValue();
        driver.manage().window().setSize(new Dimension(2 * page.getWidth() - width, 2 * page.getHeight() - height));
    }

    /** Saves the page as {@code src/site/screenshots/<name>.png}; returns the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
