package org.smsengine.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;

/** The simulator's HTTP side inside the engine: the development settings serve it, on a free port in the tests. */
class SimulatorHttpIT extends EngineIntegrationTest {

    @Test
    void aHandsetsMessagePostedToTheEnginesSimulatorReachesTheEngine() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 20_000;
        HttpResponse<String> response;
        do {            // the provider binds in the background after start-up
            response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + SMSC_HTTP_PORT + "/mo"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"+8613800138000\", \"to\": \"SHOP\", \"text\": \"STOP\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } while (response.statusCode() == 503 && System.currentTimeMillis() < deadline && sleep());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        HttpResponse<String> accounting = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + SMSC_HTTP_PORT + "/accounting")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accounting.body()).contains("\"stopRepliesSent\":0");
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }
}
