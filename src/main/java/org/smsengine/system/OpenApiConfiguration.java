package org.smsengine.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at {@code /v3/api-docs}: every operation takes HTTP Basic. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "basic";

    private static final String DESCRIPTION = """
            Batch SMS engine. Upload recipients (CSV or JSON) with a message template; the engine validates \
            every row, finds duplicates and opt-outs, and prepares one message per recipient (READY). Start \
            a batch (or give it a send time, a send window, or let a cron campaign fire it) and the engine \
            delivers it over SMPP at the rate its provider and the batch allow, retries transient failures, \
            applies delivery receipts and ends it COMPLETED with exact counts. Operators pause, resume, retry \
            and abort batches; every change is audited. Watch progress live (JSON or server-sent events); \
            download rejects and the delivery report as CSV. Roles: MARKETER creates and schedules, OPERATOR \
            runs, APPROVER approves batches under review (never their own), ADMIN does everything and alone sees \
            phone numbers whole. Errors are RFC 9457 problem details. People use the console at /, which \
            calls this API with its session.""";

    @Bean
    OpenAPI smsEngineApi() {
        return new OpenAPI()
                .info(new Info().title("SMS batch engine").version("v1").description(DESCRIPTION))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
