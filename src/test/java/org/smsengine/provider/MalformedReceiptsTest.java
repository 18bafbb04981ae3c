package org.smsengine.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MalformedReceiptsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(MalformedReceipts.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @AfterEach
    void detach() {
        logger.detachAppender(log);
    }

    @Test
    void warnsOncePerProviderAndReasonAndCountsEveryOne() {
        log.start();
        logger.addAppender(log);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MalformedReceipts malformed = new MalformedReceipts(meters);
        ReceiptCheck.Fault nul = new ReceiptCheck.Fault("messageId", "id_not_printable", "holds a NUL");
        malformed.count("a", nul, "id:1\\x00");
        malformed.count("a", nul, "id:2\\x00");
        malformed.count("b", nul, "id:3\\x00");
        malformed.count("a", ReceiptCheck.unknownStatus("LOST"), "id:4 stat:LOST");
        assertThat(log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage))
                .hasSize(3).anySatisfy(message -> assertThat(message).contains("a:", "id_not_printable", "id:1\\x00"));
        assertThat(meters.get("sms.receipts.malformed").tags("provider", "a", "reason", "id_not_printable").counter().count())
                .isEqualTo(2);
        assertThat(meters.get("sms.receipts.malformed").tags("provider", "b").counter().count()).isEqualTo(1);
    }
}
