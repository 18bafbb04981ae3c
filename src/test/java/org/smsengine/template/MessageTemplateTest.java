package org.smsengine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void rendersVariablesInPlace() {
        MessageTemplate template = MessageTemplate.parse("Hi {{name}}, your code is {{code}}.");
        assertThat(template.variables()).containsExactly("name", "code");
        assertThat(template.render(new String[] {"Alice", "806650"})).isEqualTo("Hi Alice, your code is 806650.");
    }

    @Test
    void aVariableUsedTwiceIsListedOnceAndRenderedTwice() {
        MessageTemplate template = MessageTemplate.parse("{{ name }} / {{name}}");
        assertThat(template.variables()).containsExactly("name");
        assertThat(template.render(new String[] {"Bo"})).isEqualTo("Bo / Bo");
    }

    @Test
    void aTemplateWithoutVariablesRendersAsIs() {
        MessageTemplate template = MessageTemplate.parse("Sale today {only}!");
        assertThat(template.variables()).isEmpty();
        assertThat(template.render(new String[0])).isEqualTo("Sale today {only}!");
    }

    @Test
    void emptyAndMissingValuesRenderAsNothing() {
        MessageTemplate template = MessageTemplate.parse("[{{a}}][{{b}}]");
        assertThat(template.render(new String[] {"", null})).isEqualTo("[][]");
    }

    @Test
    void valuesAreNotReinterpretedAsPlaceholders() {
        MessageTemplate template = MessageTemplate.parse("{{a}}{{b}}");
        assertThat(template.render(new String[] {"{{b}}", "x"})).isEqualTo("{{b}}x");
    }

    @Test
    void refusesAnUnclosedPlaceholder() {
        assertThatThrownBy(() -> MessageTemplate.parse("Hi {{name"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("never closed");
    }

    @Test
    void refusesAnEmptyPlaceholder() {
        assertThatThrownBy(() -> MessageTemplate.parse("Hi {{ }}"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("does not name a variable");
    }
}
