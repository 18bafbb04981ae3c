package org.smsengine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final List<String> PROVIDERS = List.of("a", "b", "c");

    @Test
    void theFirstRuleWhoseConditionsAllHoldRoutes() {
        RouteTable table = new RouteTable(List.of(
                route("sf", List.of(), List.of("+1415"), List.of(), "c"),
                route("north-america", List.of("US", "CA"), List.of(), List.of(), "a"),
                route("promo", List.of(), List.of(), List.of("PROMO"), "b")), PROVIDERS, "a");
        assertThat(table.match("US", "+14155550100", null, null).name()).isEqualTo("sf");
        assertThat(table.match("CA", "+14165550100", null, null).name()).isEqualTo("north-america");
        assertThat(table.match("GB", "+447400101682", "PROMO", null).name()).isEqualTo("promo");
    }

    @Test
    void aRuleMaySelectBatchesByTheirTag() {
        RouteTable table = new RouteTable(List.of(
                new RoutingSettings.Route("otp", List.of(), List.of(), List.of(), List.of("otp", "alerts"),
                        RoutingSettings.Strategy.PRIORITY, List.of(new RoutingSettings.Target("c", 1))),
                route("rest", List.of(), List.of(), List.of(), "a")), PROVIDERS, "a");
        assertThat(table.match("US", "+14155550100", null, "otp").name()).isEqualTo("otp");
        assertThat(table.match("US", "+14155550100", null, "promo").name()).isEqualTo("rest");
        assertThat(table.match("US", "+14155550100", null, null).name()).isEqualTo("rest");
    }

    @Test
    void aMessageNoRuleRoutesGoesToTheDefaultProviderThenTheOthers() {
        RouteTable.Rule fallback = new RouteTable(List.of(), PROVIDERS, "b").match("FR", "+33612345678", null, null);
        assertThat(fallback.providers()).containsExactly("b", "a", "c");
        assertThat(fallback.strategy()).isEqualTo(RoutingSettings.Strategy.PRIORITY);
    }

    @Test
    void refusesARuleNamingAnUnknownProvider() {
        assertThatThrownBy(() -> new RouteTable(List.of(route("x", List.of(), List.of(), List.of(), "z")), PROVIDERS, "a"))
                .hasMessageContaining("sms.routing.routes[0].providers").hasMessageContaining("'z'");
    }

    @Test
    void refusesABadCountryOrPrefix() {
        assertThatThrownBy(() -> new RouteTable(List.of(route("x", List.of("XX"), List.of(), List.of(), "a")), PROVIDERS, "a"))
                .hasMessageContaining("sms.routing.routes[0].countries");
        assertThatThrownBy(() -> new RouteTable(List.of(route("x", List.of(), List.of("1415"), List.of(), "a")), PROVIDERS, "a"))
                .hasMessageContaining("sms.routing.routes[0].prefixes");
    }

    private static RoutingSettings.Route route(String name, List<String> countries, List<String> prefixes,
            List<String> senders, String provider) {
        return new RoutingSettings.Route(name, countries, prefixes, senders, List.of(), RoutingSettings.Strategy.WEIGHTED,
                List.of(new RoutingSettings.Target(provider, 1)));
    }
}
