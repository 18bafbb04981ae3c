package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * docs/configuration.md is the configuration metadata the settings records compile into (their {@code @param}
 * descriptions, their {@code @DefaultValue}s), as tables. It fails when the file no longer matches the code; run
 * {@value #REGENERATE} to write it again.
 */
class ConfigurationDocsTest {

    static final String REGENERATE = "./mvnw -B -q test -Dtest=ConfigurationDocsTest -Dconfiguration.docs.write=true";

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final Path DOCS = Path.of("docs/configuration.md");
    private static final Pattern DASH = Pattern.compile("-(.)");

    @Test
    void docsConfigurationMdMatchesTheSettingsRecords() throws IOException {
        String generated = new ConfigurationDocs(Path.of("src/main/java")).render(new ObjectMapper().readTree(METADATA.toFile()), REGENERATE);
        if (Boolean.getBoolean("configuration.docs.write")) {
            Files.createDirectories(DOCS.getParent());
            Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
        }
        String written = Files.exists(DOCS) ? Files.readString(DOCS, StandardCharsets.UTF_8) : "";
        // the lines that changed first, rather than two whole files; then the order
        List<String> was = written.lines().toList();
        List<String> is = generated.lines().toList();
        List<String> changed = new ArrayList<>();
        was.stream().filter(line -> !is.contains(line)).forEach(line -> changed.add("- " + line));
        is.stream().filter(line -> !was.contains(line)).forEach(line -> changed.add("+ " + line));
        assertThat(changed).as("%s is stale: regenerate it with %s", DOCS, REGENERATE).isEmpty();
        assertThat(written).as("%s is stale: regenerate it with %s", DOCS, REGENERATE).isEqualTo(generated);
    }

    /**
     * Every key has a description, its component's {@code @param}. The configuration processor takes it from the first
     * {@code @param} that begins with the name, so {@code retention} was described as {@code retentionSchedule}.
     */
    @Test
    void everyKeyIsDescribedByTheParamOfItsComponent() throws IOException, ClassNotFoundException {
        ConfigurationDocs docs = new ConfigurationDocs(Path.of("src/main/java"));
        List<String> wrong = new ArrayList<>();
        for (JsonNode property : new ObjectMapper().readTree(METADATA.toFile()).get("properties")) {
            String name = property.get("name").asText();
            String component = DASH.matcher(name.substring(name.lastIndexOf('.') + 1)).replaceAll(m -> m.group(1).toUpperCase());
            String param = docs.params(Class.forName(property.get("sourceType").asText())).get(component);
            String description = property.path("description").asText("");
            if (param == null || !description.equals(param.replaceAll("\\s+", " ").strip())) {
                wrong.add(name + ": " + (param == null ? "no @param " + component : "'" + description + "'"));
            }
        }
        assertThat(wrong).as("keys without the description of their own @param").isEmpty();
    }

    @Test
    void applicationYmlDeclaresNoSettingOfTheEngine() throws IOException {
        List<String> keys = new ArrayList<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                new FileSystemResource("src/main/resources/application.yml"))) {
            for (String key : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                if (key.startsWith("sms.")) {
                    keys.add(key);
                }
            }
        }
        assertThat(keys).as("sms.* defaults belong in their settings record (its @DefaultValue), declared once").isEmpty();
    }
}
