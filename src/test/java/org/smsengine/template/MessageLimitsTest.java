package org.smsengine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

class MessageLimitsTest {

    @Test
    void theDefaultsAreTenSegmentsFiftyVariablesAndTwoThousandCharacters() {
        assertThat(bind(Map.of())).isEqualTo(new MessageLimits(2000, 50, 10));
    }

    @Test
    void moreThan255SegmentsIsRefusedAtStartUpBecauseThePartCountIsOneByte() {
        assertThat(bind(Map.of("sms.message.max-segments", "255")).maxSegments()).isEqualTo(255);
        assertThatThrownBy(() -> bind(Map.of("sms.message.max-segments", "256")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("one byte");
        assertThatThrownBy(() -> bind(Map.of("sms.message.max-segments", "0"))).isInstanceOf(BindException.class);
    }

    @Test
    void aTemplateWithTooManyVariablesOrTooMuchFixedTextHasAProblem() {
        MessageLimits limits = new MessageLimits(2000, 2, 1);
        assertThat(limits.problem(MessageTemplate.parse("Hi {{a}} {{b}} {{a}}"))).isEmpty();
        assertThat(limits.problem(MessageTemplate.parse("{{a}}{{b}}{{c}}"))).hasValueSatisfying(p -> assertThat(p).contains("3 variables"));
        assertThat(limits.problem(MessageTemplate.parse("{{a}}" + "x".repeat(160)))).isEmpty();
        assertThat(limits.problem(MessageTemplate.parse("{{a}}" + "x".repeat(161)))).hasValueSatisfying(p -> assertThat(p).contains("2 segments"));
    }

    /** Bound and validated as the engine does at start-up. */
    private static MessageLimits bind(Map<String, String> properties) {
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("sms.message",
                    Bindable.of(MessageLimits.class), new ValidationBindHandler(new SpringValidatorAdapter(validation.getValidator())));
        }
    }
}
