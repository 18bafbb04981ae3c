package org.smsengine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smsengine.system.InvalidInputException;

class PageLimitsTest {

    private final PageLimits limits = new PageLimits(10_000);

    @Test
    void aPageMayStartAtTheDeepestRowAllowedButNotBeyond() {
        assertThat(limits.of(10, 1000).offset()).isEqualTo(10_000);
        assertThatThrownBy(() -> limits.of(11, 1000)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors().get(0).field()).isEqualTo("page");
            assertThat(e.getMessage()).contains("report", "sms.paging.max-offset");
        });
    }

    @Test
    void theOffsetOfAHugePageDoesNotOverflow() {
        assertThatThrownBy(() -> limits.of(Integer.MAX_VALUE, 1000)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void sizeIsOneToAThousandAndPageStartsAtZero() {
        assertThatThrownBy(() -> limits.of(0, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> limits.of(0, 1001)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> limits.of(-1, 20)).isInstanceOf(InvalidInputException.class);
    }
}
