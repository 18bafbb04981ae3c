package org.smsengine.system;

import java.beans.Introspector;
import java.util.Arrays;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

/**
 * Gives every settings record of the engine a second bean name, its class's simple name with a small first letter
 * ({@code housekeepingSettings}), so that an annotation reads a setting from the record that declares it and its
 * default: {@code @Scheduled(cron = "#{@housekeepingSettings.retentionSchedule}")}. The scan registers them as
 * {@code <prefix>-<fully qualified class name>}, a name that would change whenever a class moves.
 */
@Component
class SettingsNames implements BeanDefinitionRegistryPostProcessor {

    private static final String ENGINE = "org.smsengine.";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : registry.getBeanDefinitionNames()) {
            BeanDefinition definition = registry.getBeanDefinition(name);
            if (!(definition instanceof AbstractBeanDefinition bean) || !bean.hasBeanClass()) {
                continue;
            }
            Class<?> type = bean.getBeanClass();
            if (!type.getName().startsWith(ENGINE) || !AnnotatedElementUtils.hasAnnotation(type, ConfigurationProperties.class)) {
                continue;
            }
            String alias = Introspector.decapitalize(type.getSimpleName());
            if (alias.equals(name) || Arrays.asList(registry.getAliases(name)).contains(alias)) {
                continue;
            }
            if (registry.isBeanNameInUse(alias)) {
                throw new IllegalStateException("Settings " + type.getName() + " cannot be named '" + alias
                        + "': the name is taken; rename one of them");
            }
            registry.registerAlias(name, alias);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }
}
