package org.smsengine.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.smsengine.support.EngineIntegrationTest;

/**
 * The browser tests' setup works before any console page does: the installed Chromium starts
 * headless through chromedriver and reads a page of the engine. When this fails, the other
 * *BrowserIT fail for the machine, not for the console.
 */
class ChromiumSmokeBrowserIT extends EngineIntegrationTest {

    @Test
    void chromiumReadsTheEnginesHealth() {
        try (BrowserSession browser = BrowserSession.start()) {
            browser.open("http://localhost:" + port + "/actuator/health");

            assertThat(browser.awaitText(By.tagName("body"), text -> !text.isBlank())).contains("UP");
        }
    }
}
