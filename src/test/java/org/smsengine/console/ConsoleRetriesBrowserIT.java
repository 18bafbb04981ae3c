package org.smsengine.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smsengine.SampleData;
import org.smsengine.support.EngineIntegrationTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * The console sends an {@code Idempotency-Key} with every form: a submission sent again, before it got
 * its answer or after part of it failed, is done once.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ConsoleRetriesBrowserIT extends EngineIntegrationTest {

    private final JdbcTemplate jdbc;

    ConsoleRetriesBrowserIT(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aNewBatchSentAgainAfterItsSendWindowWasRefusedIsCreatedOnce() {
        String name = "window fixed " + UUID.randomUUID().toString().substring(0, 8);
        String base = "http://localhost:" + port;
        try (BrowserSession browser = BrowserSession.start()) {
            // given an upload whose send window the engine refuses once the batch exists
            browser.login(base, "marketer", "marketer");
            browser.open(base + "/batches/new");
            browser.driver().findElement(By.id("file")).sendKeys(SampleData.csv().toAbsolutePath().toString());
            browser.driver().findElement(By.id("name")).clear();
            browser.driver().findElement(By.id("name")).sendKeys(name);
            browser.driver().findElement(By.id("template")).sendKeys("Hi {{name}}");
            browser.driver().executeScript("document.getElementById('window-from').value = '09:00';"
                    + "document.getElementById('window-to').value = '21:00';"
                    + "document.querySelectorAll('input[name=\"days\"]').forEach(day => { day.checked = true; });");
            browser.driver().findElement(By.id("window-zone")).sendKeys("Mars/Olympus_Mons");
            browser.driver().findElement(By.id("create")).click();
            assertThat(browser.awaitText(By.id("form-error"), text -> text.contains("was created"))).contains("timezone");

            // when the window is fixed and the form sent again
            browser.driver().findElement(By.id("window-zone")).clear();
            browser.driver().findElement(By.id("window-zone")).sendKeys("Europe/Paris");
            browser.driver().findElement(By.id("create")).click();

            // then the page shows the batch created the first time, and there is one
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .withMessage(() -> "still on the form: " + browser.driver().findElement(By.id("form-error")).getText())
                    .until(ExpectedConditions.urlMatches(".*/batches/\\d+$"));
            String url = browser.driver().getCurrentUrl();
            assertThat(Long.parseLong(url.substring(url.lastIndexOf('/') + 1))).isEqualTo(idOf(name));
            assertThat(batchesNamed(name)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT send_window IS NOT NULL FROM sms_batch WHERE name = ?", Boolean.class, name))
                    .isTrue();
        }
    }

    @Test
    void theSameSubmissionTwiceAtOnceIsSentOnceAndBothGetItsAnswer() {
        String name = "double click " + UUID.randomUUID().toString().substring(0, 8);
        String base = "http://localhost:" + port;
        try (BrowserSession browser = BrowserSession.start()) {
            browser.login(base, "marketer", "marketer");
            browser.open(base + "/batches/new");
            @SuppressWarnings("unchecked")
            List<Object> ids = (List<Object>) browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const batch = () => ({ name: arguments[0], template: 'Hi {{name}}', region: 'US',
                        recipients: [{ phone: '+12015550111', vars: { name: 'Ann' } }] });
                    Promise.all([Console.api('POST', '/api/v1/batches', batch()), Console.api('POST', '/api/v1/batches', batch())])
                        .then(answers => done(answers.map(a => a.data.id)), error => done([String(error)]));""", name);
            assertThat(ids).hasSize(2);
            assertThat(ids.get(0)).isInstanceOf(Number.class).isEqualTo(ids.get(1));
            assertThat(batchesNamed(name)).isEqualTo(1);
        }
    }

    private long batchesNamed(String name) {
        return jdbc.queryForObject("SELECT count(*) FROM sms_batch WHERE name = ?", Long.class, name);
    }

    private long idOf(String name) {
        return jdbc.queryForObject("SELECT id FROM sms_batch WHERE name = ?", Long.class, name);
    }
}
