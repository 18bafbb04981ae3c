package org.smsengine.simulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The simulator on its own:
 * {@code java -cp target/sms-engine.jar -Dloader.main=org.smsengine.simulator.SimulatorMain
 * org.springframework.boot.loader.launch.PropertiesLauncher --sms.simulator.port=2775 ...}.
 * Settings as {@code --sms.simulator.*} arguments or {@code SMS_SIMULATOR_*} variables. Its
 * accounting is served as JSON at {@code http://host:<sms.simulator.http-port>/accounting}
 * ({@link AccountingEndpoint}), a handset's message is injected by {@code POST /mo} ({@link MoEndpoint}),
 * and it takes messages as an HTTP provider by {@code POST /http/messages} ({@link HttpSubmissionEndpoint}),
 * posting their receipts to {@code --sms.simulator.http-receipt-url}. The HTTP port is the SMPP port + 1 unless set.
 * Both listen on loopback unless {@code --sms.simulator.bind-address} says otherwise.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        ConfigurationPropertySources.attach(environment);
        SimulatorSettings settings;
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            // checked as the engine checks it: a bad value stops it, naming the key
            settings = Binder.get(environment).bindOrCreate("sms.simulator", Bindable.of(SimulatorSettings.class),
                    new ValidationBindHandler(new SpringValidatorAdapter(validation.getValidator())));
        }
        int httpPort = settings.httpPort() != null ? settings.httpPort() : settings.port() + 1;
        SmscSimulator simulator = new SmscSimulator(settings).start();
        SimulatorHttp http = SimulatorHttp.start(simulator, httpPort);
        String host = settings.bindAddress().getHostAddress();
        System.out.printf(Locale.ROOT, "SMSC simulator on %s: SMPP on %d, accounting on http://%s:%d/accounting, "
                + "MO injection by POST to /mo, HTTP submissions by POST to /http/messages"
                + "%s%n", host, settings.port(), host, httpPort, settings.httpReceiptUrl() == null ? ""
                : " (receipts to " + settings.httpReceiptUrl() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.close();
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
}
