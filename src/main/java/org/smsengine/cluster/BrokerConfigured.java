package org.smsengine.cluster;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A broker is configured ({@code spring.rabbitmq.addresses} or {@code spring.rabbitmq.host}, as
 * properties or SPRING_RABBITMQ_* variables): partitions spread over the nodes. Without one the
 * engine partitions on each node alone, as a single node or the embedded development run does.
 */
class BrokerConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return configured(context.getEnvironment());
    }

    static boolean configured(org.springframework.core.env.Environment environment) {
        return hasText(environment.getProperty("spring.rabbitmq.addresses"))
                || hasText(environment.getProperty("spring.rabbitmq.host"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
