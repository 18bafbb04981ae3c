package org.smsengine;

import java.util.Map;
import org.smsengine.support.TestServices;
import org.springframework.boot.SpringApplication;

/**
 * The development run: {@code ./mvnw spring-boot:test-run}. The engine on :8080 with its
 * development users, against the PostgreSQL and Redis named by {@code SPRING_DATASOURCE_URL} /
 * {@code SPRING_DATA_REDIS_URL} when set, otherwise embedded ones it starts itself.
 */
public class TestApplication {

    public static void main(String[] args) {
        boolean externalDatabase = System.getenv("SPRING_DATASOURCE_URL") != null;
        boolean externalRedis = System.getenv("SPRING_DATA_REDIS_URL") != null
                || System.getenv("SPRING_DATA_REDIS_HOST") != null;
        Map<String, String> services = externalDatabase && externalRedis ? Map.of() : TestServices.properties();
        services.forEach((key, value) -> {
            boolean isDatabase = key.startsWith("spring.datasource");
            if (isDatabase ? !externalDatabase : !externalRedis) {
                System.setProperty(key, value);
            }
        });
        SpringApplication.from(SmsEngineApplication::main).withAdditionalProfiles("dev").run(args);
    }
}
