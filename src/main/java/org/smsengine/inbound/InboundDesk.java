package org.smsengine.inbound;

import org.smsengine.optout.OptOutList;
import org.smsengine.optout.OptOutSource;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.inbound.InboundMapper.NewInbound;
import org.smsengine.provider.InboundMessage;
import org.smsengine.provider.InboundSink;
import org.smsengine.recipient.PhoneMask;
import org.smsengine.system.LogText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the messages handsets send (MO): stores each with the keyword it is, what was done about it
 * and the batch it answers, and acts on the keyword, all in one transaction, so that the provider
 * acknowledges only a message whose opt-out is kept too. It runs on the protocol's thread: a few
 * indexed statements, nothing sent from here; a reply goes out after the commit, on threads of its
 * own ({@link ReplySender}).
 *
 * <ul>
 * <li>STOP opts the number out (source {@code keyword}, the message as reason and inbound id); the
 *     action is {@code opted_out} even when it already was (on any list: the entry keeps its first
 *     source), because that is what the handset asked and got.
 * <li>START lifts a keyword opt-out ({@code opted_in}); one made over the API or by an import stays
 *     (someone else decided it) and the action is {@code none}.
 * <li>HELP is {@code replied} when a reply goes back, {@code none} otherwise.
 * </ul>
 * A sender that is not a number (an alphanumeric address, another robot) is stored, keyword and all,
 * but never opted out or in, nor answered.
 */
@Component
class InboundDesk implements InboundSink {

    private static final Logger log = LoggerFactory.getLogger(InboundDesk.class);
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{5,14}");
    private static final String ACTOR = "keyword";

    private final Keywords keywords;
    private final InboundMapper inbound;
    private final OptOutList optOuts;
    private final ReplyRules replies;
    private final ApplicationEventPublisher events;

    InboundDesk(Keywords keywords, InboundMapper inbound, OptOutList optOuts, ReplyRules replies,
            ApplicationEventPublisher events) {
        this.keywords = keywords;
        this.inbound = inbound;
        this.optOuts = optOuts;
        this.replies = replies;
        this.events = events;
    }

    @Override
    @Transactional
    public void accept(InboundMessage message) {
        String from = ReceivedText.of(message.from(), ReceivedText.ADDRESS);
        String to = ReceivedText.of(message.to(), ReceivedText.ADDRESS);
        String text = ReceivedText.of(message.text(), ReceivedText.TEXT);
        String provider = ReceivedText.of(message.provider(), ReceivedText.PROVIDER);
        Keyword keyword = keywords.match(text).orElse(null);
        boolean phone = PHONE.matcher(from).matches();
        Keyword acted = phone ? keyword : null;
        String reply = acted == Keyword.STOP || acted == Keyword.HELP ? replies.due(acted, from) : null;
        InboundAction action = acted == Keyword.STOP ? InboundAction.OPTED_OUT
                : acted == Keyword.HELP && reply != null ? InboundAction.REPLIED : InboundAction.NONE;
        long id = inbound.insert(new NewInbound(from, to, text, keyword, action.value(), provider, reply), phone);
        if (acted == Keyword.STOP) {
            optOuts.add(from, OptOutSource.KEYWORD, text.strip(), id, ACTOR);
        } else if (acted == Keyword.START && optOuts.liftKeyword(from, id)) {
            action = InboundAction.OPTED_IN;
            reply = replies.due(Keyword.START, from);
            inbound.optedIn(id, reply);
        }
        if (reply != null) {
            events.publishEvent(new ReplyDue(id, provider, to.isEmpty() ? null : to, from, reply));
        }
        if (keyword != null) {
            log.info("Inbound {} from {} to {}: {}, {}", id, PhoneMask.mask(from), LogText.escape(to), keyword, action.value());
        }
    }
}
