package org.smsengine.provider.simulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The simulator on its own:
 * {@code java -cp target/sms-engine.jar -Dloader.main=org.smsengine.provider.simulator.SimulatorMain
 * org.springframework.boot.loader.launch.PropertiesLauncher --sms.simulator.port=2775 ...}.
 * Settings as {@code --sms.simulator.*} arguments or {@code SMS_SIMULATOR_*} variables. Its
 * accounting is served as JSON at {@code http://host:<sms.simulator.http-port>/accounting}
 * ({@code ?from=&to=} epoch milliseconds add the busiest one-second window between them, and
 * {@code lastAcceptedAt}, the last submission accepted after {@code from}).
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        ConfigurationPropertySources.attach(environment);
        Binder binder = Binder.get(environment);
        SimulatorSettings settings = binder.bindOrCreate("sms.simulator", SimulatorSettings.class);
        int httpPort = binder.bind("sms.simulator.http-port", Integer.class).orElse(settings.port() + 1);
        SmscSimulator simulator = new SmscSimulator(settings).start();
        HttpServer http = HttpServer.create(new InetSocketAddress(httpPort), 0);
        http.createContext("/accounting", exchange -> {
            byte[] body = accountingJson(simulator, query(exchange.getRequestURI())).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        System.out.printf(Locale.ROOT, "SMSC simulator: SMPP on %d, accounting on http://localhost:%d/accounting%n",
                settings.port(), httpPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Without Spring Boot's logging set-up logback logs everything at DEBUG, jSMPP every PDU. */
    private static void quietLogging() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("org.jsmpp")).setLevel(Level.WARN);
    }

    private static String accountingJson(SmscSimulator simulator, Map<String, String> query) {
        SimulatorAccounting accounting = simulator.accounting();
        String window = "";
        if (query.containsKey("from") && query.containsKey("to")) {
            long busiest = accounting.maxInWindow(Long.parseLong(query.get("from")), Long.parseLong(query.get("to")), 1000);
            window = ",\"busiestSecond\":" + busiest;
        }
        if (query.containsKey("from")) {
            window += ",\"lastAcceptedAt\":" + accounting.lastAcceptedAfter(Long.parseLong(query.get("from")));
        }
        return String.format(Locale.ROOT,
                "{\"accepted\":%d,\"refused\":%d,\"receiptsSent\":%d,\"boundSessions\":%d,\"destinationsWithMoreThanOne\":%d%s}",
                accounting.accepted(), accounting.refused(), accounting.receiptsSent(), simulator.boundSessions(),
                accounting.destinationsWithMoreThanOne(), window);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return query;
    }
}
