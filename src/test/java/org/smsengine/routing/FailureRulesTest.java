package org.smsengine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.SubmitResult;

class FailureRulesTest {

    private final FailureRules builtIn = new FailureRules(List.of());

    @Test
    void throttlingAnswersBackOffOnTheSameProvider() {
        assertThat(builtIn.meaningOf(later("smpp:0x00000058")).action()).isEqualTo(FailureAction.THROTTLE);
        assertThat(builtIn.meaningOf(later("http:429")).action()).isEqualTo(FailureAction.THROTTLE);
    }

    @Test
    void signsOfAFailingProviderSwitch() {
        assertThat(builtIn.meaningOf(later("smpp:timeout")).action()).isEqualTo(FailureAction.SWITCH);
        assertThat(builtIn.meaningOf(later("smpp:no_session")).action()).isEqualTo(FailureAction.SWITCH);
        assertThat(builtIn.meaningOf(later("http:503")).action()).isEqualTo(FailureAction.SWITCH);
    }

    @Test
    void unnamedCodesFollowWhatTheProviderSaid() {
        assertThat(builtIn.meaningOf(later("smpp:0x00000045")).action()).isEqualTo(FailureAction.RETRY_SAME);
        assertThat(builtIn.meaningOf(new SubmitResult.Rejected("smpp:0x0000000b", null, List.of())).action())
                .isEqualTo(FailureAction.FAIL);
        assertThat(builtIn.meaningOf(new SubmitResult.Accepted(List.of()))).isNull();
    }

    @Test
    void configuredRulesComeBeforeTheBuiltInOnes() {
        FailureRules rules = new FailureRules(List.of(
                new RoutingSettings.FailureRule(List.of("smpp:timeout"), FailureAction.FAIL, true),
                new RoutingSettings.FailureRule(List.of("smpp:0x0000000b"), FailureAction.SWITCH, false)));
        assertThat(rules.meaningOf(later("smpp:timeout"))).isEqualTo(new FailureRules.Meaning(FailureAction.FAIL, true));
        assertThat(rules.meaningOf(new SubmitResult.Rejected("smpp:0x0000000b", null, List.of())).action())
                .isEqualTo(FailureAction.SWITCH);
    }

    @Test
    void refusesARuleWithoutAnAction() {
        assertThatThrownBy(() -> new FailureRules(List.of(new RoutingSettings.FailureRule(List.of("x"), null, false))))
                .hasMessageContaining("sms.routing.failure-rules[0]");
    }

    private static SubmitResult later(String code) {
        return new SubmitResult.RetryLater(code, null, List.of());
    }
}
