package org.smsengine.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * docs/configuration.md, made from the configuration metadata the settings records compile into: a table per group
 * (key, type, default, description). A key that is a list of records ({@code sms.providers.definitions}) has no
 * metadata for its items; they get a table of their own, made from the record: its components, the
 * {@code @DefaultValue}s of its constructor, and the {@code @param}s of its javadoc in the source.
 */
final class ConfigurationDocs {

    private static final String ENGINE = "org.smsengine.";
    private static final Pattern CODE = Pattern.compile("\\{@(?:code|literal) ((?:[^{}]|\\{(?:[^{}]|\\{[^{}]*\\})*\\})*)\\}");
    private static final Pattern LINK = Pattern.compile("\\{@(?:link|linkplain|value) #?([^}]*)\\}");
    private static final Pattern PARAM = Pattern.compile("^@param\\s+(\\w+)\\s+(.*?)(?=^@\\w|\\z)",
            Pattern.DOTALL | Pattern.MULTILINE);

    private final Path sources;

    ConfigurationDocs(Path sources) {
        this.sources = sources;
    }

    String render(JsonNode metadata, String regenerate) {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        metadata.get("groups").forEach(group -> groups.put(group.get("name").asText(), group));
        Map<String, List<JsonNode>> byGroup = new LinkedHashMap<>();
        groups.keySet().forEach(name -> byGroup.put(name, new ArrayList<>()));
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asText();
            String group = groups.keySet().stream().filter(g -> name.startsWith(g + "."))
                    .reduce((a, b) -> a.length() >= b.length() ? a : b).orElseThrow();
            byGroup.get(group).add(property);
        }
        StringBuilder out = new StringBuilder();
        out.append("# Configuration\n\n")
                .append("<!-- Generated from the settings records by ConfigurationDocsTest; do not edit. Regenerate: ")
                .append(regenerate).append(" -->\n\n")
                .append("Every key of the engine, with its default. Each group is a settings record (`@ConfigurationProperties`),\n")
                .append("where the key is declared, with its default and its constraints: a value out of range stops start-up\n")
                .append("with a report naming the key. Set a key in an `application.yml` of your own, as an environment variable\n")
                .append("(`SMS_UPLOAD_MAX_SIZE=50MB`) or as a flag (`--sms.upload.max-size=50MB`). Durations are written `500ms`,\n")
                .append("`10s`, `5m`, `2h`, `7d`; sizes `512KB`, `20MB`; lists `[a, b]` in YAML or `a,b` in a flag; the items of a\n")
                .append("list of records (`sms.providers.definitions[0].tps`) have a table of their own. Spring Boot's own keys\n")
                .append("(`spring.*`, `server.*`, `management.*`) are set in `src/main/resources/application.yml`.\n");
        List<String> itemTables = new ArrayList<>();
        byGroup.forEach((group, properties) -> {
            if (properties.isEmpty()) {
                return;
            }
            out.append("\n## ").append(group).append("\n\n")
                    .append("Declared in `").append(type(groups.get(group).get("type").asText())).append("`.\n\n");
            header(out);
            List<String> lists = new ArrayList<>();
            for (JsonNode property : properties) {
                row(out, property.get("name").asText(), property.get("type").asText(), defaultValue(property.get("defaultValue")),
                        property.path("description").asText(""));
                itemRecord(property.get("type").asText()).ifPresent(item -> lists.add(property.get("name").asText() + "|" + item));
            }
            for (String list : lists) {
                String[] parts = list.split("\\|");
                items(out, parts[0] + "[n]", forName(parts[1]));
            }
        });
        return out.toString();
    }

    /** The items' table of a list of records, and of the lists of records in them. */
    private void items(StringBuilder out, String key, Class<?> record) {
        out.append("\n### ").append(key).append("\n\n")
                .append("Each item is a `").append(type(record.getName())).append("`.\n\n");
        header(out);
        List<String> nested = new ArrayList<>();
        components(out, key, record, nested);
        for (String list : nested) {
            String[] parts = list.split("\\|");
            items(out, parts[0] + "[n]", forName(parts[1]));
        }
    }

    private void components(StringBuilder out, String key, Class<?> record, List<String> nested) {
        Map<String, String> params = params(record);
        RecordComponent[] components = record.getRecordComponents();
        Constructor<?> canonical = canonical(record, components);
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = key + "." + dashed(component.getName());
            Class<?> type = component.getType();
            if (type.isRecord() && type.getName().startsWith(ENGINE)) {
                components(out, name, type, nested);
                continue;
            }
            String typeName = component.getGenericType().getTypeName();
            itemRecord(typeName).ifPresent(item -> nested.add(name + "|" + item));
            DefaultValue value = canonical.getParameters()[i].getAnnotation(DefaultValue.class);
            String shown = value == null || value.value().length == 0 ? "" : defaultValue(String.join(",", value.value()));
            row(out, name, typeName, shown, params.getOrDefault(component.getName(), ""));
        }
    }

    private static void header(StringBuilder out) {
        out.append("| Key | Type | Default | Description |\n").append("|---|---|---|---|\n");
    }

    private static void row(StringBuilder out, String key, String type, String defaultValue, String javadoc) {
        out.append("| `").append(key).append("` | ").append(cell(type(type))).append(" | ").append(defaultValue).append(" | ")
                .append(cell(description(javadoc))).append(" |\n");
    }

    /** The record a {@code List<...>} holds, when it is one of the engine's. */
    private static java.util.Optional<String> itemRecord(String type) {
        Matcher list = Pattern.compile("java\\.util\\.List<(" + Pattern.quote(ENGINE) + "[\\w.$]+)>").matcher(type);
        return list.matches() && forName(list.group(1)).isRecord() ? java.util.Optional.of(list.group(1)) : java.util.Optional.empty();
    }

    /** The {@code @param}s of a record's javadoc, read from its source. */
    Map<String, String> params(Class<?> record) {
        Class<?> top = record;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String source;
        try {
            source = Files.readString(sources.resolve(top.getName().replace('.', '/') + ".java"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher declaration = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*(?:public\\s+)?record\\s+"
                + record.getSimpleName() + "\\b", Pattern.DOTALL).matcher(source);
        Map<String, String> params = new LinkedHashMap<>();
        if (declaration.find()) {
            String javadoc = declaration.group(1).lines().map(line -> line.replaceFirst("^\\s*\\*\\s?", ""))
                    .collect(Collectors.joining("\n"));
            Matcher param = PARAM.matcher(javadoc);
            while (param.find()) {
                params.put(param.group(1), param.group(2));
            }
        }
        return params;
    }

    private static Constructor<?> canonical(Class<?> record, RecordComponent[] components) {
        try {
            return record.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code java.util.List<org.smsengine.routing.RoutingSettings$Route>} as {@code List<RoutingSettings.Route>}. */
    private static String type(String type) {
        return type.replaceAll("\\b(?:[a-z][a-z0-9]*\\.)+", "").replace('$', '.').replace(",", ", ").replace(",  ", ", ");
    }

    private static String defaultValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "" : defaultValue(StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining(", ")));
        }
        return defaultValue(value.asText());
    }

    private static String defaultValue(String text) {
        return text.isEmpty() ? "`\"\"`" : "`" + text.replace("|", "\\|") + "`";
    }

    /** Javadoc as Markdown: {@code {@code x}} as {@code `x`}, links as their names, on one line. */
    private static String description(String javadoc) {
        Matcher code = CODE.matcher(javadoc);
        StringBuilder out = new StringBuilder();
        while (code.find()) {
            code.appendReplacement(out, Matcher.quoteReplacement("`" + code.group(1) + "`"));
        }
        code.appendTail(out);
        return LINK.matcher(out).replaceAll("$1").replaceAll("\\s+", " ").strip();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String dashed(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Class<?> forName(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
