package org.smsengine.simulator;

import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulator inside the engine, when {@code sms.simulator.enabled} (the development run and the
 * tests), and its HTTP side ({@code /accounting}, {@code /mo}, {@code /http/messages}) when
 * {@code sms.simulator.http-port} is set: the development run sets it, so a developer can play a
 * handset with curl, and the engine's HTTP provider has a peer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sms.simulator.enabled")
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    SmscSimulator smscSimulator(SimulatorSettings settings) throws IOException {
        return new SmscSimulator(settings).start();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("sms.simulator.http-port")
    SimulatorHttp simulatorHttp(SmscSimulator simulator, SimulatorSettings settings) throws IOException {
        return SimulatorHttp.start(simulator, settings.httpPort());
    }
}
