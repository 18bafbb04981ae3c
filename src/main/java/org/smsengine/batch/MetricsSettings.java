package org.smsengine.batch;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The engine's own gauges ({@code sms.metrics}); which metrics are exported is Spring Boot's {@code management.*}.
 *
 * @param gaugeInterval how often the gauges read from PostgreSQL are read again: batches by state
 *                      ({@code sms_batches}) and messages waiting, by provider ({@code sms_messages_waiting})
 */
@ConfigurationProperties("sms.metrics")
@Validated
record MetricsSettings(@NotNull @DurationMin(millis = 1) @DefaultValue("15s") Duration gaugeInterval) {
}
