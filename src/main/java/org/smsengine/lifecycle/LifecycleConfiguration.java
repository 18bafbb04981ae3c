package org.smsengine.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchState;
import org.smsengine.progress.ProgressPublisher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the transition table, checks it against what the engine implements, and builds the lifecycle. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LifecycleSettings.class)
class LifecycleConfiguration {

    @Bean
    LifecycleTable lifecycleTable(LifecycleSettings settings, List<LifecycleGuard> guards, List<LifecycleAction> actions)
            throws IOException {
        String source = settings.definition().getDescription();
        LifecycleTable table;
        try (InputStream in = settings.definition().getInputStream()) {
            table = LifecycleTableLoader.load(in, source, names(guards, LifecycleGuard::name),
                    names(actions, LifecycleAction::name));
        }
        Set<String> engineStates = Arrays.stream(BatchState.values()).map(Enum::name).collect(Collectors.toSet());
        if (!engineStates.equals(Set.copyOf(table.states()))) {
            throw new IllegalStateException("The batch lifecycle " + source + " has the states " + table.states()
                    + " but the engine knows " + engineStates);
        }
        return table;
    }

    @Bean
    BatchStateMachine batchStateMachine(LifecycleTable table, List<LifecycleGuard> guards) {
        return new BatchStateMachine(table, byName(guards, LifecycleGuard::name));
    }

    @Bean
    BatchLifecycle batchLifecycle(LifecycleTable table, BatchStateMachine machine, List<LifecycleAction> actions,
            BatchMapper batches, BatchEventMapper events, ProgressPublisher progress,
            PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher) {
        return new BatchLifecycle(table, machine, byName(actions, LifecycleAction::name), batches, events, progress,
                new TransactionTemplate(transactionManager), publisher);
    }

    private static <T> Set<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.toSet());
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity()));
    }
}
