package org.smsengine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final String JSON_BODY = "{\"to\":\"{{to}}\",\"text\":\"{{text}}\",\"segments\":{{segments}}}";

    @Test
    void aJsonBodyStaysJsonWhateverTheTextHolds() throws Exception {
        String text = "Say \"hi\" \\ to 张伟 😀\nline two\t</script>";
        Template template = Template.parse(JSON_BODY, Escaping.JSON);

        String body = template.render(Map.of("to", "+12015550100", "text", text, "segments", "2"));

        JsonNode parsed = new ObjectMapper().readTree(body);
        assertThat(parsed.get("text").asText()).isEqualTo(text);
        assertThat(parsed.get("to").asText()).isEqualTo("+12015550100");
        assertThat(parsed.get("segments").asInt()).isEqualTo(2);
        assertThat(parsed.size()).isEqualTo(3);
    }

    @Test
    void aFormBodyEncodesEveryValueSoNoneAddsAField() {
        Template template = Template.parse("to={{to}}&text={{text}}", Escaping.FORM);

        String body = template.render(Map.of("to", "+12015550100", "text", "a&b=c d+é"));

        assertThat(body).isEqualTo("to=%2B12015550100&text=a%26b%3Dc+d%2B%C3%A9");
        assertThat(URLDecoder.decode(body.substring(body.indexOf("text=") + 5), StandardCharsets.UTF_8)).isEqualTo("a&b=c d+é");
    }

    @Test
    void placeholdersMayBeSpacedAndRepeatedAndAnAbsentValueIsEmpty() {
        Template template = Template.parse("{{ from }}-{{from}}-{{reference}}", Escaping.JSON);
        Map<String, String> values = new HashMap<>();
        values.put("from", "SHOP");
        values.put("reference", null);

        assertThat(template.render(values)).isEqualTo("SHOP-SHOP-");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Template.parse("{\"msisdn\":\"{{msisdn}}\"}", Escaping.JSON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{msisdn}}").hasMessageContaining("{{to}}");
    }

    @Test
    void theContentTypeChoosesTheEscaping() {
        assertThat(Escaping.ofContentType("application/json; charset=UTF-8")).isEqualTo(Escaping.JSON);
        assertThat(Escaping.ofContentType("application/vnd.peer+json")).isEqualTo(Escaping.JSON);
        assertThat(Escaping.ofContentType("application/x-www-form-urlencoded")).isEqualTo(Escaping.FORM);
        assertThat(Escaping.ofContentType("text/xml")).isNull();
    }
}
