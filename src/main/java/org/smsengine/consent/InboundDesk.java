package org.smsengine.consent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.provider.InboundMessage;
import org.smsengine.provider.InboundSink;
import org.springframework.stereotype.Component;

/** Takes the messages handsets send (MO). */
@Component
class InboundDesk implements InboundSink {

    private static final Logger log = LoggerFactory.getLogger(InboundDesk.class);

    @Override
    public void accept(InboundMessage message) {
        log.info("Inbound message from {} to {} through {}", message.from(), message.to(), message.provider());
    }
}
