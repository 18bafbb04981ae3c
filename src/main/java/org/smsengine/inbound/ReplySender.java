package org.smsengine.inbound;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.Providers;
import org.smsengine.provider.SubmitResult;
import org.smsengine.system.FailureText;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the replies to keywords once their message has committed, on a small pool of its own: never
 * on the protocol's thread, which must answer the SMSC at once, and never for a message the
 * database did not keep. Each goes through the provider that received the keyword, from the
 * address the handset wrote to, and its outcome is recorded on the inbound row. One attempt: a
 * confirmation is not worth a retry loop. A reply still waiting when the node stops, or beyond
 * {@code sms.consent.reply-backlog}, is not sent; its row keeps the reply text without a status.
 */
@Component
class ReplySender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);
    /** A provider's future always completes (its response timeout); this only keeps a thread from waiting forever. */
    private static final long LONGEST_WAIT_SECONDS = 300;

    private final Providers providers;
    private final InboundMapper inbound;
    private final ThreadPoolExecutor pool;

    ReplySender(Providers providers, InboundMapper inbound, ConsentSettings settings) {
        this.providers = providers;
        this.inbound = inbound;
        this.pool = new ThreadPoolExecutor(settings.replyThreads(), settings.replyThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.replyBacklog())), runnable -> {
                    Thread thread = new Thread(runnable, "keyword-reply");
                    thread.setDaemon(true);
                    return thread;
                }, (task, executor) -> log.warn("A keyword reply was dropped: {} replies are waiting already"
                        + " (sms.consent.reply-backlog)", executor.getQueue().size()));
    }

    @TransactionalEventListener
    void onReplyDue(ReplyDue reply) {
        pool.execute(() -> send(reply));
    }

    void send(ReplyDue reply) {
        try {
            SubmitResult result = providers.get(reply.provider()).submit(message(reply))
                    .get(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS);
            if (result instanceof SubmitResult.Accepted) {
                record(reply, "SENT", result.firstMessageId(), null);
            } else {
                record(reply, "FAILED", null, result.failure());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record(reply, "FAILED", null, "interrupted: the node was stopping");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("The reply to inbound message {} failed: {}", reply.inboundId(), FailureText.forLog(e));
            record(reply, "FAILED", null, FailureText.forUsers(e, "inbound " + reply.inboundId()));
        }
    }

    private static OutgoingMessage message(ReplyDue reply) {
        return OutgoingMessage.single(reply.inboundId(), reply.sender(), reply.destination(), reply.text());
    }

    private void record(ReplyDue reply, String status, String messageId, String error) {
        try {
            inbound.recordReply(reply.inboundId(), status, messageId, error);
        } catch (RuntimeException e) {
            log.warn("The reply to inbound message {} was {} but could not be recorded: {}", reply.inboundId(), status,
                    FailureText.forLog(e));
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
