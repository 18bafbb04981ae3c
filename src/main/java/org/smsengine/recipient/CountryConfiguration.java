package org.smsengine.recipient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Reads {@code sms.countries}, the engine's country rule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CountrySettings.class)
class CountryConfiguration {
}
