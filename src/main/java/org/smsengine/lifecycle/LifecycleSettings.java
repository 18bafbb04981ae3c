package org.smsengine.lifecycle;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The batch lifecycle ({@code sms.lifecycle}).
 *
 * @param definition the transition table: states, events, transitions, guards and actions
 */
@ConfigurationProperties("sms.lifecycle")
@Validated
public record LifecycleSettings(
        @NotNull @DefaultValue("classpath:state-machine-config/batch-lifecycle.yml") Resource definition) {
}
