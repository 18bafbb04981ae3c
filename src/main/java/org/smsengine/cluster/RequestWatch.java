package org.smsengine.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;

/**
 * A manager's watch over the partition requests it sent and whose steps have not ended: the residual of
 * spring-batch #4006. A request is acknowledged only when its step has ended, so a worker that dies is
 * covered by the broker (it delivers the request again). A request the broker itself lost (its queue
 * purged or deleted, a broker that lost its disk) leaves its partition STARTING with nobody to claim it,
 * and the manager, which polls the job repository, would wait for it for ever.
 *
 * <p>At each {@link #look} (one statement for all of them, at most one queue inquiry per step), a request
 * counts as lost when its partition is still STARTING, no node has claimed it, and its step's queue holds
 * no request waiting for a node (were one waiting, it might be this one): a request being taken up passes
 * through that state for a moment only, so it must be seen so at two looks in a row. A lost request is sent again. That is safe whatever happened meanwhile: a
 * node handed a request for a partition that runs elsewhere or has ended drops it.
 */
final class RequestWatch {

    private static final Logger log = LoggerFactory.getLogger(RequestWatch.class);

    /** A request sent and not ended, and how many looks in a row found it lost. */
    private record Outstanding(String queue, PartitionRequest request, int lostLooks) {
    }

    private final Map<Long, Outstanding> outstanding = new ConcurrentHashMap<>();
    private final ClaimMapper claims;
    private final AmqpAdmin admin;
    private final BiConsumer<String, PartitionRequest> resend;

    RequestWatch(ClaimMapper claims, AmqpAdmin admin, BiConsumer<String, PartitionRequest> resend) {
        this.claims = claims;
        this.admin = admin;
        this.resend = resend;
    }

    /** The request was confirmed by the broker. */
    void sent(String queue, PartitionRequest request) {
        outstanding.put(request.stepExecutionId(), new Outstanding(queue, request, 0));
    }

    /** The manager stopped waiting for these partitions (they ended, or its step did). */
    void ended(Collection<Long> stepExecutionIds) {
        stepExecutionIds.forEach(outstanding::remove);
    }

    /** Requests sent and not ended. */
    int outstanding() {
        return outstanding.size();
    }

    /** Sends again what was found lost at this look and the one before; returns how many. */
    int look() {
        Set<Long> unclaimed = Set.copyOf(claims.unclaimedStarting(outstanding.keySet().toArray(Long[]::new)));
        Map<String, Boolean> queueEmpty = new HashMap<>();
        int resent = 0;
        for (Map.Entry<Long, Outstanding> entry : outstanding.entrySet()) {
            Outstanding sent = entry.getValue();
            boolean lost = unclaimed.contains(entry.getKey())
                    && queueEmpty.computeIfAbsent(sent.queue(), this::holdsNothing);
            boolean resend = lost && sent.lostLooks() > 0;
            if (resend) {
                log.warn("The request for partition {} ({}) of job execution {} is neither waiting in {} nor taken by any "
                        + "node: the broker lost it; sending it again", sent.request().stepExecutionId(),
                        sent.request().stepName(), sent.request().jobExecutionId(), sent.queue());
                this.resend.accept(sent.queue(), sent.request());
                resent++;
            }
            int lostLooks = lost && !resend ? 1 : 0;
            if (lostLooks != sent.lostLooks()) {
                outstanding.replace(entry.getKey(), sent, new Outstanding(sent.queue(), sent.request(), lostLooks));
            }
        }
        return resent;
    }

    /** Whether the queue holds no request waiting for a node (a queue deleted holds none). */
    private boolean holdsNothing(String queue) {
        QueueInformation info = admin.getQueueInfo(queue);
        return info == null || info.getMessageCount() == 0;
    }
}
