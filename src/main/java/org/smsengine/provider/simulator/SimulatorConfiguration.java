package org.smsengine.provider.simulator;

import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulator inside the engine, when {@code sms.simulator.enabled} (the development run and the tests). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sms.simulator.enabled")
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    SmscSimulator smscSimulator(SimulatorSettings settings) throws IOException {
        return new SmscSimulator(settings).start();
    }
}
