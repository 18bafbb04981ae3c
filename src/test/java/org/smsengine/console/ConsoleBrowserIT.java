package org.smsengine.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smsengine.SampleData;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.SecondEngine;
import org.springframework.test.context.TestConstructor;

/**
 * The console in Chromium, on a node with review before launch: a marketer uploads the shared
 * sample, an approver approves it, an operator starts, pauses and resumes it and watches it reach
 * 100 %, with the numbers the API gives; each role sees only what it may do; the rejects download
 * works with the session; a batch is aborted; nobody approves their own batch; and the browser refuses
 * nothing under the engine's Content-Security-Policy. The screenshots of the README and docs/console.md are taken here.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT extends EngineIntegrationTest {

    private static final Duration LONG = Duration.ofSeconds(90);
    private static final String TEMPLATE = "Hi {{name}}, your code is {{code}}. Show it at any store in {{city}} before Sunday."
            + " Reply STOP to opt out.";

    private final DataSource dataSource;
    private SecondEngine reviewing;
    private String base;
    private int reviewingPort;

    ConsoleBrowserIT(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeAll
    void startTheReviewingNode() {
        Map<String, Object> properties = new HashMap<>(engineProperties());
        properties.put("sms.review.required", true);
        reviewing = SecondEngine.start(properties, dataSource);
        reviewingPort = reviewing.port();
        base = "http://localhost:" + reviewingPort;
    }

    @AfterAll
    void stopTheReviewingNode() {
        if (reviewing != null) {
            reviewing.close();
        }
    }

    @Override
    protected ApiClient as(String user) {
        return new ApiClient(reviewingPort, user, user);
    }

    @Test
    @Order(1)
    void aWrongPasswordStaysOnTheLoginPageAndEachRoleSeesWhatItMayDo() {
        try (BrowserSession browser = BrowserSession.start()) {
            browser.open(base + "/");
            assertThat(browser.driver().getCurrentUrl()).as("a person not logged in is sent to the login page").endsWith("/login");
            browser.screenshot("login");
            browser.driver().findElement(By.id("username")).sendKeys("marketer");
            browser.driver().findElement(By.id("password")).sendKeys("wrong");
            browser.driver().findElement(By.id("login")).click();
            assertThat(browser.awaitText(By.id("login-error"), text -> !text.isBlank())).contains("do not match");

            Map<String, Boolean> uploads = Map.of("marketer", true, "operator", false, "approver", false, "admin", true);
            for (Map.Entry<String, Boolean> role : uploads.entrySet()) {
                browser.login(base, role.getKey(), role.getKey());
                assertThat(browser.awaitText(By.id("whoami"), text -> !text.isBlank())).isEqualTo(role.getKey());
                assertThat(present(browser, By.id("nav-new-batch"))).as(role.getKey() + " sees the upload").isEqualTo(role.getValue());
                browser.open(base + "/batches/new");
                assertThat(present(browser, By.id("new-batch"))).as(role.getKey() + " may open the upload").isEqualTo(role.getValue());
                browser.open(base + "/");
                browser.logout();
            }
            assertThat(browser.policyViolations()).as("refused by the Content-Security-Policy").isEmpty();
        }
    }

    @Test
    @Order(2)
    void aMarketerUploadsAnApproverApprovesAndAnOperatorStartsPausesAndResumesIt() {
        long id;
        try (BrowserSession browser = BrowserSession.start()) {
            // the marketer: upload by the form, the counter and preview as the template is typed
            browser.login(base, "marketer", "marketer");
            browser.open(base + "/batches/new");
            browser.driver().findElement(By.id("file")).sendKeys(SampleData.csv().toAbsolutePath().toString());
            browser.driver().findElement(By.id("name")).clear();
            browser.driver().findElement(By.id("name")).sendKeys("Spring sale (browser)");
            browser.driver().findElement(By.id("region")).clear();
            browser.driver().findElement(By.id("region")).sendKeys("CN");
            browser.driver().findElement(By.id("tps")).sendKeys("12");
            browser.driver().findElement(By.id("template")).sendKeys(TEMPLATE);
            assertThat(browser.awaitText(By.id("segment-counter"), text -> text.contains("segment"))).startsWith("GSM-7");
            assertThat(browser.awaitText(By.cssSelector("#preview tbody"), text -> text.contains("Alice")))
                    .contains("Hi Alice, your code is 806650. Show it at any store in City47");
            browser.screenshot("new-batch");
            browser.driver().findElement(By.id("create")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches(".*/batches/\\d+$"));
            String url = browser.driver().getCurrentUrl();
            id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));

            // the exact counts of the sample, live, and no action for a marketer
            browser.awaitText(By.id("batch-state"), "AWAITING_APPROVAL"::equals, LONG);
            assertThat(browser.awaitText(By.id("count-rows"), "200"::equals)).isEqualTo("200");
            assertThat(text(browser, "count-valid")).isEqualTo("182");
            assertThat(text(browser, "count-invalid")).isEqualTo("14");
            assertThat(text(browser, "count-duplicates")).isEqualTo("4");
            assertThat(browser.driver().findElements(By.cssSelector("#actions [data-action]"))).isEmpty();
            assertThat(present(browser, By.id("test-send-form"))).as("a marketer does not test-send").isFalse();
            // the 14 invalid rows and the 4 duplicates
            // loaded again when the state changed (the page may have opened before validation found them)
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rejects tbody tr"), 18));
            String rejects = fetchText(browser, "/api/v1/batches/" + id + "/rejects");
            assertThat(rejects.lines().count()).as("header and 18 rejects, by the session").isEqualTo(19);
            browser.logout();

            // the approver approves
            browser.login(base, "approver", "approver");
            browser.open(base + "/batches/" + id);
            assertThat(browser.driver().findElement(By.id("test-send-form")).isDisplayed()).as("under review").isTrue();
            act(browser, "approve", "wording checked");
            browser.awaitText(By.id("batch-state"), "READY"::equals);
            assertThat(visible(browser, "start")).as("an approver does not start").isFalse();
            assertThat(browser.driver().findElement(By.id("test-send-form")).isDisplayed())
                    .as("an approver test-sends only a batch under review").isFalse();
            browser.logout();

            // the operator starts, pauses, resumes and watches it reach 100 %
            browser.login(base, "operator", "operator");
            browser.open(base + "/batches/" + id);
            assertThat(present(browser, By.id("test-send-form"))).as("an operator does not test-send").isFalse();
            act(browser, "start", null);
            browser.awaitText(By.id("batch-state"), "DELIVERING"::equals);
            browser.awaitText(By.id("count-sent"), sent -> Integer.parseInt(sent) >= 12, Duration.ofSeconds(20));
            browser.screenshot("batch-delivering");
            act(browser, "pause", "checking the wording again");
            browser.awaitText(By.id("batch-state"), "DELIVERY_PAUSED"::equals);
            int pausedAt = Integer.parseInt(browser.awaitText(By.id("count-sent"), s -> true));
            act(browser, "resume", null);
            browser.awaitText(By.id("batch-state"), "DELIVERING"::equals);
            browser.awaitText(By.id("progress-pct"), "100.0 %"::equals, LONG);
            browser.awaitText(By.id("batch-state"), "COMPLETED"::equals, LONG);
            assertThat(Integer.parseInt(text(browser, "count-sent"))).isGreaterThan(pausedAt);

            // the page's numbers are the API's
            JsonNode counts = operator().get("/api/v1/batches/" + id).json().get("counts");
            for (String name : List.of("rows", "valid", "invalid", "duplicates", "prepared", "sent", "delivered", "failed",
                    "suppressed", "cancelled")) {
                String field = name;
                assertThat(browser.awaitText(By.id("count-" + name), shown -> shown.equals(counts.get(field).asText())))
                        .as(name).isEqualTo(counts.get(name).asText());
            }
            assertThat(browser.driver().findElements(By.cssSelector("#audit tr[data-event]")))
                    .extracting(row -> row.getAttribute("data-event"))
                    .contains("approve", "start", "pause", "resume", "delivered");
            browser.screenshot("batch-completed");
            browser.phone();
            browser.screenshot("batch-phone");
            browser.desktop();
            browser.open(base + "/");
            browser.awaitText(By.cssSelector("tr[data-batch-id='" + id + "'] .state"), "COMPLETED"::equals);
            browser.screenshot("batches");
            assertThat(browser.policyViolations()).as("refused by the Content-Security-Policy").isEmpty();
        }
    }

    @Test
    @Order(3)
    void anOperatorAbortsABatchAndNobodyApprovesTheirOwn() {
        long own = admin().uploadCsv(Recipients.csv(3_390_000, 5), Map.of("name", "admin's own", "template", "Hello {{name}}",
                "region", "US")).createdId();
        long other = marketer().uploadCsv(Recipients.csv(3_390_100, 5), Map.of("name", "to abort", "template",
                "Hello {{name}}", "region", "US")).createdId();
        admin().awaitState(own, "AWAITING_APPROVAL", LONG);
        admin().awaitState(other, "AWAITING_APPROVAL", LONG);
        try (BrowserSession browser = BrowserSession.start()) {
            browser.login(base, "admin", "admin");
            browser.open(base + "/batches/" + own);
            assertThat(visible(browser, "approve")).as("the approve button of one's own batch").isFalse();
            assertThat(browser.driver().findElement(By.id("own-batch-note")).isDisplayed()).isTrue();
            // and the API, called with the session as the page would, refuses it
            Object status = browser.driver().executeAsyncScript("const done = arguments[0];"
                    + "Console.api('POST', '/api/v1/batches/" + own + "/approve', {}).then(() => done(200), e => done(e.status));");
            assertThat(((Number) status).intValue()).isEqualTo(403);
            browser.awaitText(By.id("batch-state"), "AWAITING_APPROVAL"::equals);

            browser.open(base + "/batches/" + other);
            act(browser, "abort", "wrong list");
            browser.awaitText(By.id("batch-state"), "ABORTED"::equals);
            browser.awaitText(By.id("count-cancelled"), "5"::equals);
            assertThat(browser.awaitText(By.id("state-reason"), text -> !text.isBlank())).contains("wrong list");
            browser.logout();
            assertThat(browser.policyViolations()).as("refused by the Content-Security-Policy").isEmpty();
        }
    }

    @Test
    @Order(4)
    void campaignsShowTheirNextFiringsAsTheScheduleIsTypedAndTheOtherPagesOpen() {
        try (BrowserSession browser = BrowserSession.start()) {
            browser.login(base, "marketer", "marketer");
            // the server's 400 beside the field it names, and nothing created
            browser.open(base + "/batches/new");
            browser.driver().findElement(By.id("file")).sendKeys(SampleData.csv().toAbsolutePath().toString());
            browser.driver().findElement(By.id("tps")).sendKeys("0");
            browser.driver().findElement(By.id("create")).click();
            assertThat(browser.awaitText(By.cssSelector(".field-error[data-field='template']"), text -> !text.isBlank()))
                    .isNotBlank();
            assertThat(browser.awaitText(By.cssSelector(".field-error[data-field='tps']"), text -> !text.isBlank())).isNotBlank();
            assertThat(browser.driver().getCurrentUrl()).endsWith("/batches/new");

            browser.open(base + "/campaigns/new");
            WebElement cron = browser.driver().findElement(By.id("cron"));
            cron.clear();
            cron.sendKeys("0 30 9 ? * MON-FRI");
            browser.awaitText(By.id("fire-time-list"), text -> text.lines().count() == 5);
            cron.sendKeys(" nonsense");
            assertThat(browser.awaitText(By.id("fire-time-list"), text -> text.contains("cron"))).contains("Quartz");
            browser.screenshot("campaign");
            for (String page : List.of("/campaigns", "/audiences", "/opt-outs", "/inbound", "/cluster")) {
                browser.open(base + page);
                assertThat(browser.awaitText(By.tagName("h1"), text -> !text.isBlank())).isNotBlank();
                assertThat(browser.driver().findElements(By.cssSelector("#list-error:not([hidden])"))).as(page).isEmpty();
            }
            browser.screenshot("opt-outs");
            // this node, alive, without a broker
            browser.open(base + "/cluster");
            assertThat(browser.awaitText(By.cssSelector("#nodes tbody"), text -> text.contains("ALIVE"))).contains("none");
            assertThat(browser.policyViolations()).as("refused by the Content-Security-Policy").isEmpty();
        }
    }

    @Test
    void theProvidersPageShowsHealthAndOnlyAnAdminMaySwitchOne() {
        try (BrowserSession browser = BrowserSession.start()) {
            browser.login(base, "admin", "admin");
            browser.open(base + "/providers");
            assertThat(browser.awaitText(By.cssSelector("#providers tbody"), text -> text.contains("simulator")))
                    .contains("SMPP").contains("UP").contains("CLOSED");
            assertThat(browser.driver().findElements(By.cssSelector("#providers button[data-action='disable']"))).isNotEmpty();
            browser.screenshot("providers");
            assertThat(browser.policyViolations()).as("refused by the Content-Security-Policy").isEmpty();
        }
        try (BrowserSession browser = BrowserSession.start()) {
            browser.login(base, "operator", "operator");
            browser.open(base + "/providers");
            assertThat(browser.awaitText(By.cssSelector("#providers tbody"), text -> text.contains("simulator"))).contains("UP");
            assertThat(browser.driver().findElements(By.cssSelector("#providers button[data-action]"))).isEmpty();
        }
    }

    private static void act(BrowserSession browser, String action, String reason) {
        WebElement button = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#actions [data-action='" + action + "']")));
        button.click();
        WebElement dialog = new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        if (reason != null) {
            dialog.findElement(By.id("confirm-reason")).sendKeys(reason);
        }
        dialog.findElement(By.id("confirm-ok")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
    }

    private static boolean visible(BrowserSession browser, String action) {
        return browser.driver().findElements(By.cssSelector("#actions [data-action='" + action + "']")).stream()
                .anyMatch(WebElement::isDisplayed);
    }

    private static boolean present(BrowserSession browser, By element) {
        return !browser.driver().findElements(element).isEmpty();
    }

    private static String text(BrowserSession browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private static String fetchText(BrowserSession browser, String path) {
        return (String) browser.driver().executeAsyncScript("const done = arguments[0];"
                + "fetch('" + path + "', {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('failed: ' + e));");
    }
}
