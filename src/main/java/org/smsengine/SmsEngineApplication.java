package org.smsengine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SmsEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(SmsEngineApplication.class, args);
    }
}
