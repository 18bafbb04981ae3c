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
            // review before launch: approving and rejecting for approvers; a test-send for the maker and the checker
            Map.entry("POST /api/v1/batches/{id}/approve", APPROVER),
            Map.entry("POST /api/v1/batches/{id}/reject", APPROVER),
            Map.entry("POST /api/v1/batches/{id}/test-send", EnumSet.of(Caller.MARKETER, Caller.APPROVER, Caller.ADMIN)),
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
            // Spring Boot's conventions: health and info public, the rest of the actuator ADMIN's
            Map.entry("GET /actuator", ADMIN),
            Map.entry("GET /actuator/health", PUBLIC),
            Map.entry("GET /actuator/health/**", PUBLIC),
            Map.entry("GET /actuator/info", PUBLIC),
            Map.entry("GET /actuator/metrics", ADMIN),
            Map.entry("GET /actuator/prometheus", EnumSet.of(Caller.ADMIN, Caller.METRICS)),
            Map.entry("GET /actuator/metrics/{requiredMetricName}", ADMIN),
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
                boolean ok = allowed.contains(caller) ? status != 401 && status != 403 && status < 500
                        : status == (caller == Caller.ANONYMOUS ? 401 : 403);
                if (!ok) {
                    wrong.add(endpoint + " as " + caller + ": " + status + (allowed.contains(caller) ? " (allowed)" : " (not allowed)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
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
                .replace("{requiredMetricName}", "jvm.threads.live").replace("/**", "/liveness");
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
