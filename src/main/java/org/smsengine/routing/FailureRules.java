package org.smsengine.routing;

import java.util.ArrayList;
import java.util.List;
import org.smsengine.provider.SubmitResult;

/**
 * The failure rule table: a provider's failure code to what it means. The configured rules come first,
 * then the built-in ones; a code no rule names is retried on the same provider when the provider said
 * "later", and fails when it said "never".
 */
final class FailureRules {

    /** The built-in table: throttling answers, then signs of a failing provider. */
    static final List<RoutingSettings.FailureRule> BUILT_IN = List.of(
            new RoutingSettings.FailureRule(List.of("smpp:0x00000058", "http:429"), FailureAction.THROTTLE, false),
            new RoutingSettings.FailureRule(List.of("smpp:timeout", "smpp:no_session", "smpp:0x00000008",
                    "smpp:0x00000014", "http:5*", "http:timeout", "http:unreachable", "gateway:unavailable",
                    "gateway:queue_full"), FailureAction.SWITCH, false));

    private record Rule(String code, boolean prefix, FailureAction action, boolean alert) {

        boolean matches(String failure) {
            return prefix ? failure.startsWith(code) : failure.equals(code);
        }
    }

    /** What a failure code means: its action, and whether it is to be alerted on. */
    record Meaning(FailureAction action, boolean alert) {
    }

    private final List<Rule> rules = new ArrayList<>();

    FailureRules(List<RoutingSettings.FailureRule> configured) {
        List<RoutingSettings.FailureRule> all = new ArrayList<>(configured);
        all.addAll(BUILT_IN);
        for (int i = 0; i < all.size(); i++) {
            RoutingSettings.FailureRule rule = all.get(i);
            if (rule.action() == null || rule.codes().isEmpty()) {
                throw new IllegalStateException("sms.routing.failure-rules[" + i + "]: a rule needs codes and an action");
            }
            for (String code : rule.codes()) {
                boolean prefix = code.endsWith("*");
                rules.add(new Rule(prefix ? code.substring(0, code.length() - 1) : code, prefix, rule.action(), rule.alert()));
            }
        }
    }

    /** What the result means; null for an accepted one. */
    Meaning meaningOf(SubmitResult result) {
        if (result instanceof SubmitResult.Accepted) {
            return null;
        }
        String code = result instanceof SubmitResult.Rejected rejected ? rejected.code()
                : ((SubmitResult.RetryLater) result).code();
        Meaning named = meaningOf(code);
        if (named != null) {
            return named;
        }
        return new Meaning(result instanceof SubmitResult.Rejected ? FailureAction.FAIL : FailureAction.RETRY_SAME, false);
    }

    /** What the code means by the table, or null when no rule names it. */
    Meaning meaningOf(String code) {
        if (code == null) {
            return null;
        }
        for (Rule rule : rules) {
            if (rule.matches(code)) {
                return new Meaning(rule.action(), rule.alert());
            }
        }
        return null;
    }
}
