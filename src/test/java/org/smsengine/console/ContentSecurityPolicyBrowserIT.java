package org.smsengine.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smsengine.support.Csv;
import org.smsengine.support.EngineIntegrationTest;

/**
 * The console and Swagger UI under the engine's Content-Security-Policy, in Chromium: every page runs
 * its scripts (the batches' bars are sized, the campaigns listed, a batch's chart drawn, the API
 * documented) and the browser refuses nothing; a browser not logged in is never asked for a password.
 */
class ContentSecurityPolicyBrowserIT extends EngineIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> OTHER_PAGES = List.of("/batches/new", "/campaigns/new", "/audiences", "/opt-outs",
            "/inbound", "/providers", "/cluster");

    @Test
    void theConsoleAndSwaggerUiWorkUnderThePolicyAndTheBrowserRefusesNothing() {
        long batch = admin().uploadCsv(Csv.lines("name,phone", "Ann,+12015550123", "Bob,+12015550124"),
                Map.of("name", "under the policy", "template", "Hi {{name}}")).createdId();
        admin().awaitState(batch, "READY", WAIT);
        String base = "http://localhost:" + port;
        try (BrowserSession browser = BrowserSession.start()) {
            browser.login(base, "admin", "admin");
            assertThat(answer(browser, "fetch('/').then(r => done(r.headers.get('Content-Security-Policy')))"))
                    .asString().contains("script-src 'self'");

            browser.open(base + "/");
            until(browser, "the batches' bars sized by their script", driver -> driver.findElements(By.cssSelector(
                    "#batches .bar span")).stream().anyMatch(bar -> bar.getDomAttribute("style") != null
                    && bar.getDomAttribute("style").contains("width")));
            browser.open(base + "/campaigns");
            browser.awaitText(By.cssSelector("#campaigns tbody"), text -> !text.contains("Loading"));
            browser.open(base + "/batches/" + batch);
            until(browser, "the batch's rate chart", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rate-chart .uplot")));
            for (String page : OTHER_PAGES) {
                browser.open(base + page);
                browser.awaitText(By.tagName("h1"), text -> !text.isBlank());
            }
            browser.open(base + "/swagger-ui/index.html");
            browser.awaitText(By.cssSelector(".swagger-ui .info .title"), text -> !text.isBlank(), WAIT);
            until(browser, "Swagger UI's operations", ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock")));

            assertThat(browser.policyViolations()).isEmpty();

            browser.open(base + "/");
            browser.logout();
            assertThat(answer(browser, "fetch('/api/v1/batches').then(r => done([r.status, r.headers.get('WWW-Authenticate')]))"))
                    .as("a browser's call without a session: refused, but never with a password dialog")
                    .isEqualTo(Arrays.asList(401L, null));
            browser.open(base + "/api/v1/batches");
            assertThat(browser.awaitText(By.tagName("body"), text -> !text.isBlank())).contains("Authentication is required");
        }
    }

    /** What a script of the page hands to {@code done}, the page's own fetch seeing its headers as a browser does. */
    private static Object answer(BrowserSession browser, String script) {
        browser.driver().manage().timeouts().scriptTimeout(WAIT);
        return browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1]; " + script);
    }

    private static <T> void until(BrowserSession browser, String what, Function<WebDriver, T> condition) {
        new WebDriverWait(browser.driver(), WAIT).withMessage(what).until(condition);
    }
}
