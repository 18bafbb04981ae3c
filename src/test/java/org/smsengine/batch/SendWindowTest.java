package org.smsengine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsengine.system.InvalidInputException;

/** Send windows against fixed instants. */
class SendWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aDaytimeWindowOnWeekdaysOpensAndCloses() {
        SendWindow window = SendWindow.of(new SendWindow.Request("09:00", "21:00", List.of("MON", "TUE", "WED", "THU", "FRI"), null),
                "Asia/Shanghai");
        // Monday 2026-11-23, 08:59 and 09:00 in Shanghai (UTC+8)
        assertThat(window.isOpen(Instant.parse("2026-11-23T00:59:00Z"), SHANGHAI)).isFalse();
        assertThat(window.isOpen(Instant.parse("2026-11-23T01:00:00Z"), SHANGHAI)).isTrue();
        assertThat(window.isOpen(Instant.parse("2026-11-23T13:00:00Z"), SHANGHAI)).isFalse();   // 21:00
        // Saturday noon: closed; it opens on Monday 09:00
        Instant saturday = Instant.parse("2026-11-28T04:00:00Z");
        assertThat(window.isOpen(saturday, SHANGHAI)).isFalse();
        assertThat(window.nextOpening(saturday, SHANGHAI)).isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
    }

    @Test
    void aWindowOverMidnightBelongsToTheDayItOpens() {
        SendWindow window = SendWindow.of(new SendWindow.Request("22:00", "02:00", List.of("FRI"), "UTC"), "UTC");
        assertThat(window.isOpen(Instant.parse("2026-11-27T23:00:00Z"), ZoneId.of("UTC"))).isTrue();   // Friday 23:00
        assertThat(window.isOpen(Instant.parse("2026-11-28T01:30:00Z"), ZoneId.of("UTC"))).isTrue();   // Saturday 01:30
        assertThat(window.isOpen(Instant.parse("2026-11-28T23:00:00Z"), ZoneId.of("UTC"))).isFalse();  // Saturday 23:00
        assertThat(window.nextOpening(Instant.parse("2026-11-28T03:00:00Z"), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-12-04T22:00:00Z"));
    }

    @Test
    void recipientLocalWindowsAreTheirOwnZone() {
        SendWindow window = SendWindow.of(new SendWindow.Request("09:00", "21:00", null, "recipient"), "UTC");
        assertThat(window.recipientLocal()).isTrue();
        Instant noonInShanghai = Instant.parse("2026-11-23T04:00:00Z");
        assertThat(window.isOpen(noonInShanghai, SHANGHAI)).isTrue();
        assertThat(window.isOpen(noonInShanghai, ZoneId.of("America/New_York"))).isFalse();   // 23:00 there
    }

    @Test
    void windowsThatNeverOpenOrCannotBeReadAreRefusedWithTheField() {
        assertField(new SendWindow.Request("09:00", "09:00", null, "UTC"), "sendWindow");
        assertField(new SendWindow.Request("09:00", "17:00", List.of(), "UTC"), "sendWindow.days");
        assertField(new SendWindow.Request("9am", "17:00", null, "UTC"), "sendWindow.from");
        assertField(new SendWindow.Request("09:00", "17:00", List.of("Funday"), "UTC"), "sendWindow.days");
        assertField(new SendWindow.Request("09:00", "17:00", null, "Mars/Olympus"), "sendWindow.timezone");
    }

    private static void assertField(SendWindow.Request request, String field) {
        assertThatThrownBy(() -> SendWindow.of(request, "UTC")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo(field));
    }
}
