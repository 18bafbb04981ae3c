package org.smsengine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsengine.message.MessageStatus;
import org.smsengine.provider.AcceptedPart;

class MessageOutcomeTest {

    @Test
    void partsWithIdsOfTheirOwnAreOneReferenceEach() {
        MessageOutcome smpp = new MessageOutcome(5, MessageStatus.SENT, "smsc", "a", null, null,
                List.of(new AcceptedPart(1, "a"), new AcceptedPart(2, "b")), false, 0);

        assertThat(smpp.partRefs(9, 2)).containsExactly(new DeliveryMapper.PartRef("a", 9, 2, 5, 1, 1),
                new DeliveryMapper.PartRef("b", 9, 2, 5, 2, 1));
    }

    @Test
    void partsAcceptedUnderOneIdAreOneReferenceThatStandsForThemAll() {
        MessageOutcome http = new MessageOutcome(5, MessageStatus.SENT, "rest", "m", null, null,
                List.of(new AcceptedPart(2, "m"), new AcceptedPart(3, "m")), false, 0);

        assertThat(http.partRefs(9, 2)).containsExactly(new DeliveryMapper.PartRef("m", 9, 2, 5, 2, 2));
    }
}
