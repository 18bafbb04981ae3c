package org.smsengine.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.smsengine.SmsEngineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A second engine node in this JVM: its own application context on the same database and Redis,
 * bound to the first node's SMSC simulator (it runs none of its own).
 */
public final class SecondEngine implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final DataSource firstNodeDataSource;

    private SecondEngine(ConfigurableApplicationContext context, DataSource firstNodeDataSource) {
        this.context = context;
        this.firstNodeDataSource = firstNodeDataSource;
    }

    public static SecondEngine start(Map<String, Object> firstNodeProperties, DataSource firstNodeDataSource) {
        Map<String, Object> properties = new HashMap<>(firstNodeProperties);
        properties.put("server.port", 0);
        properties.put("sms.simulator.enabled", false);
        properties.put("spring.main.banner-mode", "off");
        // as arguments: default properties would lose to application.yml
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SecondEngine(new SpringApplicationBuilder(SmsEngineApplication.class).profiles("dev").run(arguments),
                firstNodeDataSource);
    }

    /** The port its web server took. */
    public int port() {
        return Integer.parseInt(bean(org.springframework.core.env.Environment.class).getProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Gives the first node's Quartz its own connections back, then closes the second node. Quartz
     * keeps the job store's connection providers in a JVM-wide registry keyed by scheduler name,
     * which two nodes of one cluster share: the second node's start replaced the first's with its
     * own, which its close shuts. (Two nodes in two JVMs, the real case, have two registries.)
     */
    @Override
    public void close() {
        // first: while the second node closes, the first node's scheduler thread keeps looking for
        // triggers, and through the second node's pool, once closed, it would fail and back off
        String name = "sms-engine";
        DBConnectionManager.getInstance().addConnectionProvider("springTxDataSource." + name, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return DataSourceUtils.doGetConnection(firstNodeDataSource);
            }

            @Override
            public void shutdown() {
            }

            @Override
            public void initialize() {
            }
        });
        DBConnectionManager.getInstance().addConnectionProvider("springNonTxDataSource." + name, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return firstNodeDataSource.getConnection();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public void initialize() {
            }
        });
        context.close();
    }
}
