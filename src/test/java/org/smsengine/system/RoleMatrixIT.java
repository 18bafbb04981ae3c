package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestConstructor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Who may call what, as API.md's "Downloads and roles" says, for every endpoint the application
 * maps (its own handler mappings, the actuator's and the OpenAPI documents' alike): anonymous gets
 * 401, a role the table does not name 403, a role it names neither (and never a 5xx: whatever the
 * handler makes of a request without a proper body or for a batch that does not exist). An endpoint
 * this table does not know fails the test: a new endpoint cannot escape it.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class RoleMatrixIT extends EngineIntegrationTest {

    enum Caller { ANONYMOUS, MARKETER, OPERATOR, APPROVER, ADMIN, METRICS }

    private static final Set<Caller> PUBLIC = EnumSet.allOf(Caller.class);
    private static final Set<Caller> EVERY_ROLE = EnumSet.of(Caller.MARKETER, Caller.OPERATOR, Caller.APPROVER, Caller.ADMIN);
    private static final Set<Caller> MARKETER = EnumSet.of(Caller.MARKETER, Caller.ADMIN);
    private static final Set<Caller> OPERATOR = EnumSet.of(Caller.OPERATOR, Caller.ADMIN);
    private static final Set<Caller> APPROVER = EnumSet.of(Caller.APPROVER, Caller.ADMIN);
    private static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);
    /** What gateway devices call: no engine account opens it (401 for every caller), only a device's own key. */
    private static final Set<Caller> DEVICES = EnumSet.noneOf(Caller.class);
    /** The console's pages: the same roles, but a caller without credentials is sent to the login page. */
    private static final Set<Caller> CONSOLE = EnumSet.copyOf(EVERY_ROLE);
    private static final Set<Caller> CONSOLE_CREATORS = EnumSet.copyOf(MARKETER);
    /** Actions of the {action} mapping whose roles differ from the others': the review's. */
    private static final List<String> REVIEW_ACTIONS = List.of("POST /api/v1/batches/{id}/approve",
            "POST /api/v1/batches/{id}/reject");

    /** API.md's table, endpoint by endpoint ("METHOD pattern"). */
    private static final Map<String, Set<Caller>> TABLE = Map.ofEntries(
            // batches: creation and PATCH for marketers, actions for operators, reads for every role
            Map.entry("POST /api/v1/batches", MARKETER),
            Map.entry("GET /api/v1/batches", EVERY_ROLE),
            Map.entry("GET /api/v1/batches/{id}", EVERY_ROLE),
            Map.entry("PATCH /api/v1/batches/{id}", MARKETER),
            Map.entry("POST /api/v1/batches/{id}/{action}", OPERATOR),
            // review before launch: approving, rejecting and test-sending for approvers (a test-send only while the
            // batch is under review: SeedSendIT)
            Map.entry("POST /api/v1/batches/{id}/approve", APPROVER),
            Map.entry("POST /api/v1/batches/{id}/reject", APPROVER),
            Map.entry("POST /api/v1/batches/{id}/test-send", APPROVER),
            Map.entry("GET /api/v1/batches/{id}/events", EVERY_ROLE),
            Map.entry("GET /api/v1/batches/{id}/progress", EVERY_ROLE),
            Map.entry("GET /api/v1/batches/{id}/progress/stream", EVERY_ROLE),
            Map.entry("GET /api/v1/batches/{id}/messages", EVERY_ROLE),
            Map.entry("GET /api/v1/batches/{id}/rejects", EVERY_ROLE),
            Map.entry("GET /api/v1/batches/{id}/report", EVERY_ROLE),
            // audiences: creation for marketers; deletion is not named, so ADMIN's
            Map.entry("POST /api/v1/audiences", MARKETER),
            Map.entry("GET /api/v1/audiences", EVERY_ROLE),
            Map.entry("GET /api/v1/audiences/{id}", EVERY_ROLE),
            Map.entry("DELETE /api/v1/audiences/{id}", ADMIN),
            // campaigns: create, replace, delete, enable, disable for marketers; run for operators
            Map.entry("POST /api/v1/campaigns", MARKETER),
            Map.entry("GET /api/v1/campaigns", EVERY_ROLE),
            Map.entry("GET /api/v1/campaigns/{id}", EVERY_ROLE),
            Map.entry("PUT /api/v1/campaigns/{id}", MARKETER),
            Map.entry("DELETE /api/v1/campaigns/{id}", MARKETER),
            Map.entry("POST /api/v1/campaigns/{id}/enable", MARKETER),
            Map.entry("POST /api/v1/campaigns/{id}/disable", MARKETER),
            Map.entry("POST /api/v1/campaigns/{id}/run", OPERATOR),
            Map.entry("GET /api/v1/campaigns/{id}/batches", EVERY_ROLE),
            Map.entry("GET /api/v1/campaigns/{id}/firings", EVERY_ROLE),
            // consent: the messages handsets sent, read by every role
            Map.entry("GET /api/v1/inbound", EVERY_ROLE),
            Map.entry("GET /api/v1/inbound/export", EVERY_ROLE),
            // the opt-out list: every role adds, imports and reads; removal and the export are ADMIN's
            Map.entry("POST /api/v1/opt-outs", EVERY_ROLE),
            Map.entry("GET /api/v1/opt-outs", EVERY_ROLE),
            Map.entry("GET /api/v1/opt-outs/{phone}", EVERY_ROLE),
            Map.entry("DELETE /api/v1/opt-outs/{phone}", ADMIN),
            Map.entry("GET /api/v1/opt-outs/export", ADMIN),
            Map.entry("GET /api/v1/opt-outs/imports/{id}", EVERY_ROLE),
            // the cluster's nodes: read by every role
            Map.entry("GET /api/v1/cluster/nodes", EVERY_ROLE),
            // providers: read by every role; switching one off or on, and a gateway's devices, ADMIN's
            Map.entry("GET /api/v1/providers", EVERY_ROLE),
            Map.entry("GET /api/v1/providers/{name}", EVERY_ROLE),
            Map.entry("POST /api/v1/providers/{name}/disable", ADMIN),
            Map.entry("POST /api/v1/providers/{name}/enable", ADMIN),
            Map.entry("POST /api/v1/providers/{name}/devices", ADMIN),
            Map.entry("GET /api/v1/providers/{name}/devices", EVERY_ROLE),
            Map.entry("DELETE /api/v1/providers/{name}/devices/{id}", ADMIN),
            Map.entry("GET /api/v1/providers/{name}/gateway", EVERY_ROLE),
            // gateway devices: their own key, never an engine account
            Map.entry("POST /api/v1/gateway/pull", DEVICES),
            Map.entry("POST /api/v1/gateway/report", DEVICES),
            // receipts the database would not take: carriers' raw data, ADMIN's
            Map.entry("GET /api/v1/receipts/quarantine", ADMIN),
            // an HTTP provider's receipts: no engine account, the request proves itself by the provider's signature
            Map.entry("POST /api/v1/providers/{name}/receipts", PUBLIC),
            // Spring Boot's conventions: health and info public, the rest of the actuator ADMIN's
            Map.entry("GET /actuator", ADMIN),
            Map.entry("GET /actuator/health", PUBLIC),
            Map.entry("GET /actuator/health/**", PUBLIC),
            Map.entry("GET /actuator/info", PUBLIC),
            Map.entry("GET /actuator/metrics", ADMIN),
            Map.entry("GET /actuator/prometheus", EnumSet.of(Caller.ADMIN, Caller.METRICS)),
            Map.entry("GET /actuator/metrics/{requiredMetricName}", ADMIN),
            Map.entry("GET /api/v1/campaigns/fire-times", EVERY_ROLE),
            // the console: its login page is public; its pages are every role's but the scraper's (a person
            // not logged in is sent to the login page: 302), the upload pages the creators'
            Map.entry("GET /login", PUBLIC),
            Map.entry("GET /", CONSOLE),
            Map.entry("GET /batches/rows", CONSOLE),
            Map.entry("GET /batches/new", CONSOLE_CREATORS),
            Map.entry("GET /batches/{id}", CONSOLE),
            Map.entry("GET /batches/{id}/audit", CONSOLE),
            Map.entry("GET /batches/{id}/messages", CONSOLE),
            Map.entry("GET /batches/{id}/outcomes", CONSOLE),
            Map.entry("GET /batches/{id}/rejected", CONSOLE),
            Map.entry("GET /campaigns", CONSOLE),
            Map.entry("GET /campaigns/new", CONSOLE_CREATORS),
            Map.entry("GET /campaigns/{id}", CONSOLE),
            Map.entry("GET /audiences", CONSOLE),
            Map.entry("GET /opt-outs", CONSOLE),
            Map.entry("GET /inbound", CONSOLE),
            Map.entry("GET /providers", CONSOLE),
            Map.entry("GET /cluster", CONSOLE),
            // the OpenAPI documents and the error page
            Map.entry("GET /v3/api-docs", PUBLIC),
            Map.entry("GET /v3/api-docs.yaml", PUBLIC),
            Map.entry("GET /v3/api-docs/swagger-config", PUBLIC),
            Map.entry("GET /swagger-ui.html", PUBLIC),
            Map.entry("GET /error", PUBLIC));

    private final ApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RoleMatrixIT(ApplicationContext context) {
        this.context = context;
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheRoleTableSays() throws Exception {
        Set<String> endpoints = mappedEndpoints();
        Set<String> unknown = new TreeSet<>(endpoints);
        unknown.removeAll(TABLE.keySet());
        assertThat(unknown).as("endpoints the role table does not know: add them to API.md and to this table").isEmpty();
        endpoints.addAll(REVIEW_ACTIONS);

        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints) {
            Set<Caller> allowed = TABLE.get(endpoint);
            for (Caller caller : Caller.values()) {
                int status = call(endpoint, caller);
                boolean console = allowed == CONSOLE || allowed == CONSOLE_CREATORS;
                int refusedAnonymous = console ? 302 : 401;
                boolean ok = allowed == DEVICES ? status == 401
                        : allowed.contains(caller) ? status != 401 && status != 403 && status < 500
                        : status == (caller == Caller.ANONYMOUS ? refusedAnonymous : 403);
                if (!ok) {
                    wrong.add(endpoint + " as " + caller + ": " + status + (allowed.contains(caller) ? " (allowed)" : " (not allowed)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Programs and people apart: an API call with HTTP Basic makes no session (and needs no CSRF
     * token); a person logs in with the form, and the session's own calls to the API must carry the
     * session's CSRF token, or another site could make a logged-in browser act.
     */
    @Test
    void basicCallsMakeNoSessionAndASessionsChangesNeedItsCsrfToken() throws Exception {
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/batches"))
                .header("Authorization", basic("operator")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.headers().firstValue("Set-Cookie")).isEmpty();

        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = login.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=operator&password=operator&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String sessionToken = page.replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
        HttpRequest.Builder abort = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/batches/987654321/abort"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(browser.send(abort.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("without the token")
                .isEqualTo(403);
        assertThat(browser.send(abort.header("X-CSRF-TOKEN", sessionToken).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("with the token: through to the handler, which finds no such batch").isEqualTo(404);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** "METHOD pattern" of every mapping of every handler mapping (a mapping without methods: GET). */
    private Set<String> mappedEndpoints() {
        Set<String> endpoints = new LinkedHashSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                            .forEach(method -> endpoints.add(method.name() + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    private int call(String endpoint, Caller caller) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{id}", "987654321").replace("{phone}", "+8613800138000").replace("{action}", "pause")
                .replace("{requiredMetricName}", "jvm.threads.live").replace("/**", "/liveness")
                .replace("{name}", "nosuch");     // never a real provider: an ADMIN's disable would drain it for the other tests
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (caller != Caller.ANONYMOUS) {
            String user = caller.name().toLowerCase();
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
