package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;

/**
 * What a browser may be made to do by another site, and what it is told: a change made with the
 * session's authority needs the session's CSRF token whatever else the request carries; a browser is
 * never asked for Basic credentials (it would keep them and send them with every request, from any
 * site); the session's cookie stays on this site; the console's pages run only the engine's own scripts.
 */
class BrowserEdgesIT extends EngineIntegrationTest {

    /** What Chromium sends with a navigation over plain HTTP (the Sec-Fetch-* headers only go to HTTPS and localhost). */
    private static final String CHROMIUM = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0.0.0 Safari/537.36";
    private static final String NAVIGATION_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient program = HttpClient.newHttpClient();

    @Test
    void aChangeRidingOnTheSessionNeedsItsTokenWhateverAuthorizationHeaderItCarries() throws Exception {
        Session session = Session.logIn(port, "operator");
        String abort = "/api/v1/batches/987654321/abort";

        assertThat(session.post(abort, "Authorization", basic("operator")).statusCode()).as("the session's user by Basic too")
                .isEqualTo(403);
        assertThat(session.post(abort, "Authorization", basic("admin")).statusCode()).as("another user by Basic")
                .isEqualTo(403);
        assertThat(session.post(abort, "Authorization", "Bearer anything").statusCode()).as("a scheme nobody reads")
                .isEqualTo(403);
        assertThat(session.post(abort, "X-CSRF-TOKEN", session.token()).statusCode())
                .as("with the token: through to the handler, which finds no such batch").isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri(abort)).header("Authorization", basic("operator"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")))
                .statusCode()).as("a program with Basic and no session needs no token").isEqualTo(404);
    }

    @Test
    void aBrowserIsNeverAskedForBasicCredentialsAProgramIs() throws Exception {
        HttpResponse<String> navigation = send(HttpRequest.newBuilder(uri("/api/v1/batches"))
                .header("User-Agent", CHROMIUM).header("Accept", NAVIGATION_ACCEPT).header("Upgrade-Insecure-Requests", "1"));
        assertThat(navigation.statusCode()).isEqualTo(401);
        assertThat(navigation.headers().firstValue("WWW-Authenticate")).as("a browser's navigation").isEmpty();

        HttpResponse<String> fetch = send(HttpRequest.newBuilder(uri("/api/v1/batches")).header("Accept", "*/*")
                .header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Dest", "empty"));
        assertThat(fetch.statusCode()).isEqualTo(401);
        assertThat(fetch.headers().firstValue("WWW-Authenticate")).as("a browser's fetch over HTTPS").isEmpty();

        HttpResponse<String> wrongPassword = send(HttpRequest.newBuilder(uri("/api/v1/batches")).header("User-Agent", CHROMIUM)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8))));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).as("a browser's wrong password").isEmpty();

        HttpResponse<String> curl = send(HttpRequest.newBuilder(uri("/api/v1/batches")).header("User-Agent", "curl/8.14.1")
                .header("Accept", "*/*"));
        assertThat(curl.statusCode()).isEqualTo(401);
        assertThat(curl.headers().firstValue("WWW-Authenticate")).as("a program").hasValue("Basic realm=\"sms-engine\"");
    }

    @Test
    void theSessionCookieStaysOnThisSiteAndOutOfScripts() throws Exception {
        Session session = Session.logIn(port, "marketer");

        assertThat(session.loginCookie()).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void everyAnswerCarriesAContentSecurityPolicyWithoutInlineScriptAndASameOriginReferrerPolicy() throws Exception {
        Session session = Session.logIn(port, "admin");
        for (HttpResponse<String> response : List.of(session.get("/"), session.get("/batches/new"), session.get("/campaigns"),
                send(HttpRequest.newBuilder(uri("/login"))), send(HttpRequest.newBuilder(uri("/api/v1/batches"))))) {
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(response.uri().toString()).contains("default-src 'self'", "script-src 'self'",
                    "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(response.uri().toString()).hasValue("same-origin");
            assertThat(response.body()).as(response.uri() + ": an inline script or handler would be refused by the browser")
                    .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContainPattern("\\son[a-z]+=\"")
                    .doesNotContainPattern("\\sstyle=\"");
        }
        HttpResponse<String> swagger = send(HttpRequest.newBuilder(uri("/swagger-ui/index.html")));
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
                .doesNotContain("unsafe-eval");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return program.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** A person logged in by the form, as a browser holds it: the session's cookie and the token of its pages. */
    private record Session(int port, HttpClient client, CookieManager cookies, String token, String loginCookie) {

        static Session logIn(int port, String user) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            String login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String loginToken = login.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf=" + loginToken))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(loggedIn.statusCode()).isEqualTo(302);
            String cookie = loggedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().orElseThrow(() -> new AssertionError("no new session cookie: " + loggedIn.headers()));
            assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).contains("JSESSIONID");
            String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String token = page.replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
            return new Session(port, client, cookies, token, cookie);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String header, String value) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header(header, value)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
