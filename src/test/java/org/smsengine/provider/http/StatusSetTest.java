package org.smsengine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatusSetTest {

    @Test
    void classesRangesAndCodesMakeOneSet() {
        StatusSet set = StatusSet.parse("2xx, 429 ,500-503");

        assertThat(set.contains(200)).isTrue();
        assertThat(set.contains(299)).isTrue();
        assertThat(set.contains(429)).isTrue();
        assertThat(set.contains(500)).isTrue();
        assertThat(set.contains(503)).isTrue();
        assertThat(set.contains(504)).isFalse();
        assertThat(set.contains(300)).isFalse();
        assertThat(set.contains(400)).isFalse();
    }

    @Test
    void anElementThatIsNoStatusIsRefusedByName() {
        assertThatThrownBy(() -> StatusSet.parse("2xx,6xx")).hasMessageContaining("'6xx'");
        assertThatThrownBy(() -> StatusSet.parse("503-500")).hasMessageContaining("'503-500'");
        assertThatThrownBy(() -> StatusSet.parse("ok")).hasMessageContaining("'ok'");
    }
}
