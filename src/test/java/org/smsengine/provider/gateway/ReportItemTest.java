package org.smsengine.provider.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

class ReportItemTest {

    @Test
    void aValidReportPasses() {
        ReportItem.check(List.of(new ReportItem(1L, "SENT", null, null), new ReportItem(2L, "FAILED", true, "no signal")), 10);
    }

    @Test
    void everyBadItemIsNamedByItsIndexAndField() {
        List<ReportItem> items = Arrays.asList(new ReportItem(null, "SENT", null, null), null,
                new ReportItem(3L, "sent", null, "x".repeat(501)), new ReportItem(3L, "DELIVERED", null, null));
        assertThatThrownBy(() -> ReportItem.check(items, 10)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InputError::field)
                        .containsExactly("[0].id", "[1]", "[2].outcome", "[2].error", "[3].id"));
    }

    @Test
    void anErrorWithANulIsRefusedBeforeTheDatabaseSeesIt() {
        List<ReportItem> items = List.of(new ReportItem(1L, "FAILED", false, "no\u0000signal"));
        assertThatThrownBy(() -> ReportItem.check(items, 10)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InputError::field).containsExactly("[0].error"));
    }

    @Test
    void aReportLargerThanTheProviderTakesIsRefusedWhole() {
        List<ReportItem> items = List.of(new ReportItem(1L, "SENT", null, null), new ReportItem(2L, "SENT", null, null));
        assertThatThrownBy(() -> ReportItem.check(items, 1)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InputError::field).containsExactly("report"));
    }

    @Test
    void onlyAFailureAskedToBeRetriedIsARetry() {
        assertThat(new ReportItem(1L, "FAILED", true, null).retried()).isTrue();
        assertThat(new ReportItem(1L, "FAILED", null, null).retried()).isFalse();
        assertThat(new ReportItem(1L, "SENT", true, null).retried()).isFalse();
    }
}
