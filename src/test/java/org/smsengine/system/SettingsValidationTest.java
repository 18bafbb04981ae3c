package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smsengine.SmsEngineApplication;
import org.smsengine.scheduling.HousekeepingSettings;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.validation.annotation.Validated;

/**
 * The settings records bound as the engine binds them, and nothing else started: the defaults pass their own
 * constraints, and a bad value stops start-up with Spring Boot's report naming the key, the value and the reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTest {

    @Test
    void theDefaultsPassTheirOwnConstraints() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(OutageSettings.class).patience()).isEqualTo(Duration.ofMinutes(10));
            assertThat(context.getBean(HousekeepingSettings.class).retentionSchedule()).isEqualTo("0 30 3 * * *");
        }
    }

    /**
     * Spring Boot's report names the key as the record spells it ({@code sms.delivery.partitionThreads}, a spelling
     * relaxed binding accepts too), and where it can, the key as it was given ({@code Origin:}).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "", value = {
            "sms.outage.patience                              | -1s         |",
            "sms.providers.definitions[0].tps                 | 0           |",
            "sms.delivery.partition-threads                   | 0           |",
            "sms.delivery.limits.decrease-factor              | 1.5         |",
            "sms.message.max-segments                         | 256         |",
            "sms.housekeeping.retention-schedule              | 0 30 3 * *  |",
            "sms.consent.screening.frequency-caps[0].per      | 0s          | sms.consent.screening.frequency-caps[0].messages=1",
            "sms.routing.breaker.failure-rate                 | 0           |",
            "sms.pipeline.screening-work-mem                  | 128 MiB     |",
            "sms.security.users[0].roles                      |             | sms.security.users[0].name=admin"})
    void aBadValueStopsStartUpNamingTheKey(String key, String value, String with, CapturedOutput output) {
        List<String> args = new ArrayList<>(List.of("--sms.providers.definitions[0].name=carrier",
                "--" + key + "=" + (value == null ? "" : value)));
        if (with != null) {
            args.add("--" + with);
        }
        assertThatThrownBy(() -> start(args.toArray(String[]::new)).close()).hasMessageContaining("Could not bind properties");
        assertThat(output).contains("APPLICATION FAILED TO START", "Reason: ");
        assertThat(uniform(output.toString())).contains("property: " + uniform(key));
    }

    @Test
    void everySettingsRecordIsValidated() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> unchecked = new ArrayList<>();
        for (BeanDefinition found : scan.findCandidateComponents(SmsEngineApplication.class.getPackageName())) {
            Class<?> type = forName(found.getBeanClassName());
            if (!type.isAnnotationPresent(Validated.class)) {
                unchecked.add(type.getName());
            }
        }
        assertThat(unchecked).as("settings records without @Validated").isEmpty();
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(EverySettingsRecord.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args);
    }

    /** A key in the form relaxed binding compares: no dashes, lower case. */
    private static String uniform(String text) {
        return text.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Class<?> forName(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code @ConfigurationProperties} record of the engine, bound and validated, and no other bean. */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan(basePackageClasses = SmsEngineApplication.class)
    static class EverySettingsRecord {
    }
}
