package org.smsengine.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/** @param definition the transition table ({@code sms.lifecycle.definition}) */
@ConfigurationProperties("sms.lifecycle")
public record LifecycleSettings(@DefaultValue("classpath:state-machine-config/batch-lifecycle.yml") Resource definition) {
}
