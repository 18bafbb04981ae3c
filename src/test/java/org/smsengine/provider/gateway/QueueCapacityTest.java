package org.smsengine.provider.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueueCapacityTest {

    @Test
    void givenAnHourBetweenCountsTheNodeAddsItsOwnSubmissionsAndStopsAtTheCapacity() {
        AtomicInteger counts = new AtomicInteger();
        AtomicLong queued = new AtomicLong(1);
        QueueCapacity capacity = new QueueCapacity(3, Duration.ofHours(1), () -> {
            counts.incrementAndGet();
            return queued.get();
        });
        assertThat(capacity.reserve()).isTrue();
        queued.incrementAndGet();
        assertThat(capacity.reserve()).isTrue();
        queued.incrementAndGet();
        assertThat(counts).as("one count, then its own additions").hasValue(1);
        assertThat(capacity.reserve()).as("3 queued").isFalse();
        assertThat(counts).as("full: counted again before refusing").hasValue(2);
    }

    @Test
    void whenDevicesHaveEmptiedTheQueueAFullEstimateIsCorrectedByTheRecount() {
        AtomicLong unsent = new AtomicLong(5);
        QueueCapacity capacity = new QueueCapacity(5, Duration.ofHours(1), unsent::get);
        assertThat(capacity.reserve()).isFalse();
        unsent.set(0);
        assertThat(capacity.reserve()).isTrue();
    }

    @Test
    void aReleasedReservationGivesItsRoomBack() {
        QueueCapacity capacity = new QueueCapacity(1, Duration.ofHours(1), () -> 0);
        assertThat(capacity.reserve()).isTrue();
        capacity.release();
        assertThat(capacity.reserve()).isTrue();
    }
}
