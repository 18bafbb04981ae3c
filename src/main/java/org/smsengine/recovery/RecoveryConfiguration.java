package org.smsengine.recovery;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling, with ShedLock's locks in PostgreSQL (the database's clock, not the nodes'), and recovery at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "5m")
@EnableConfigurationProperties({RecoverySettings.class, ShutdownSettings.class})
class RecoveryConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    /** Registers this node, then recovers what nodes lost before it started (they may be this machine's former self). */
    @EventListener(ApplicationReadyEvent.class)
    void atStartUp(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(NodeHeartbeat.class).start();
        event.getApplicationContext().getBean(LostJobRecovery.class).recoverLostJobs();
    }
}
