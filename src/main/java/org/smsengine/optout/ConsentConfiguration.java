package org.smsengine.optout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads of imports. Merging: a few: a few, so a node taking over stalled imports or receiving many
 * at once never competes with delivery for more than those; the others wait their turn in order.
 * Checking numbers while a request reads its file: see {@link #optOutCheckExecutor}.
 */
@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

    private static final int IMPORT_THREADS = 2;

    @Bean
    ThreadPoolTaskExecutor optOutImportExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(IMPORT_THREADS);
        executor.setMaxPoolSize(IMPORT_THREADS);
        executor.setThreadNamePrefix("opt-out-import-");
        return executor;
    }

    /** The threads an import's numbers are checked on while its request reads the file: one per CPU unless set. */
    @Bean
    ThreadPoolTaskExecutor optOutCheckExecutor(OptOutSettings settings) {
        int threads = settings.checkThreads() > 0 ? settings.checkThreads() : Runtime.getRuntime().availableProcessors();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("opt-out-check-");
        return executor;
    }
}
