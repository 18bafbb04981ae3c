package org.smsengine.provider.smpp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the parts of inbound messages back together. It belongs to a provider, not to a session:
 * an SMSC may deliver the parts of one message over different binds. Parts are matched by sender,
 * recipient, reference and count; they may come in any order, and a part that comes twice counts
 * once, even just after its message was completed (the SMSC resending a part whose response it
 * missed).
 *
 * <p>Memory is bounded twice: by {@code maxIncomplete} messages (the oldest is let go when a new
 * one would exceed it) and by {@code timeout} from a message's first part. A message let go either
 * way is <em>handed on with what arrived</em>, a "…" where parts are missing, rather than dropped:
 * the parts that came were acknowledged to the SMSC, which will not offer them again, and a message
 * with a hole in it still tells the operator, and the opt-out desk, that the handset wrote (a long
 * text is never a bare keyword, so a hole cannot turn one into STOP). Those are collected by
 * {@link #overdue}, which the provider calls from a timer, never on a protocol thread.
 */
final class PartAssembler {

    private static final Logger log = LoggerFactory.getLogger(PartAssembler.class);

    /** Which message a part belongs to. */
    record Key(String from, String to, int reference, int total) {
    }

    /** A message put together: whole, or with null where parts are missing. */
    record Assembled(Key key, int dataCoding, byte[][] parts, Instant firstAt, Instant lastAt) {

        int missing() {
            return (int) Arrays.stream(parts).filter(part -> part == null).count();
        }

        /** The parts decoded as one (a character may straddle two parts), a "…" for each run of missing ones. */
        String text() {
            StringBuilder text = new StringBuilder();
            int start = 0;
            while (start < parts.length) {
                if (parts[start] == null) {
                    text.append('…');
                    while (start < parts.length && parts[start] == null) {
                        start++;
                    }
                    continue;
                }
                int end = start;
                int length = 0;
                while (end < parts.length && parts[end] != null) {
                    length += parts[end++].length;
                }
                byte[] run = new byte[length];
                for (int i = start, at = 0; i < end; at += parts[i++].length) {
                    System.arraycopy(parts[i], 0, run, at, parts[i].length);
                }
                text.append(InboundDecoder.text(dataCoding, run));
                start = end;
            }
            return text.toString();
        }
    }

    private final int maxIncomplete;
    private final Duration timeout;
    private final LinkedHashMap<Key, Pending> incomplete = new LinkedHashMap<>();
    private final LinkedHashMap<Key, Completed> completed = new LinkedHashMap<>();
    private final List<Assembled> letGo = new ArrayList<>();

    PartAssembler(int maxIncomplete, Duration timeout) {
        this.maxIncomplete = Math.max(1, maxIncomplete);
        this.timeout = timeout;
    }

    /** The whole message when this part completes it; empty while parts are missing, or when the part is a duplicate. */
    synchronized Optional<Assembled> offer(InboundPart part, Instant now) {
        Key key = new Key(part.from(), part.to(), part.reference(), part.total());
        Pending pending = incomplete.get(key);
        if (pending == null) {
            if (isLateDuplicate(key, part, now)) {
                return Optional.empty();
            }
            makeRoom();
            pending = new Pending(key, part.dataCoding(), new byte[part.total()][], now);
            incomplete.put(key, pending);
        }
        if (pending.parts[part.seq() - 1] != null) {
            return Optional.empty();
        }
        pending.parts[part.seq() - 1] = part.payload();
        pending.lastAt = now;
        if (++pending.filled < pending.parts.length) {
            return Optional.empty();
        }
        Assembled assembled = pending.assembled();
        incomplete.remove(key);
        remember(key, assembled, now);
        return Optional.of(assembled);
    }

    /**
     * The whole message was not taken, and {@code last}, the part that completed it, is refused to
     * the SMSC: keep the other parts (for another timeout) so that its retry of that part completes
     * the message again.
     */
    synchronized void putBack(Assembled whole, InboundPart last, Instant now) {
        completed.remove(whole.key());
        if (!incomplete.containsKey(whole.key())) {
            byte[][] parts = whole.parts().clone();
            parts[last.seq() - 1] = null;
            makeRoom();
            incomplete.put(whole.key(), new Pending(whole.key(), whole.dataCoding(), parts, now));
        }
    }

    /** Messages let go since the last call: their timeout passed, or room was needed for newer ones. */
    List<Assembled> overdue(Instant now) {
        List<Assembled> overdue = new ArrayList<>();
        synchronized (this) {
            overdue.addAll(letGo);
            letGo.clear();
            Instant limit = now.minus(timeout);
            for (Iterator<Pending> i = incomplete.values().iterator(); i.hasNext();) {
                Pending pending = i.next();
                if (pending.firstAt.isAfter(limit)) {
                    break;                  // in order of first part: the rest are younger
                }
                i.remove();
                overdue.add(pending.assembled());
            }
            completed.values().removeIf(done -> !done.at().isAfter(limit));
        }
        return overdue;
    }

    synchronized int incomplete() {
        return incomplete.size();
    }

    private void makeRoom() {
        if (incomplete.size() >= maxIncomplete) {
            Iterator<Map.Entry<Key, Pending>> oldest = incomplete.entrySet().iterator();
            Assembled evicted = oldest.next().getValue().assembled();
            oldest.remove();
            letGo.add(evicted);
            log.warn("More than {} inbound messages wait for parts: the oldest, from {} to {}, is handed on with {} of {} parts",
                    maxIncomplete, evicted.key().from(), evicted.key().to(), evicted.parts().length - evicted.missing(),
                    evicted.parts().length);
        }
    }

    private boolean isLateDuplicate(Key key, InboundPart part, Instant now) {
        Completed done = completed.get(key);
        return done != null && done.at().plus(timeout).isAfter(now)
                && done.hashes()[part.seq() - 1] == Arrays.hashCode(part.payload());
    }

    private void remember(Key key, Assembled whole, Instant now) {
        completed.remove(key);
        completed.put(key, new Completed(now, Arrays.stream(whole.parts()).mapToInt(Arrays::hashCode).toArray()));
        if (completed.size() > maxIncomplete) {
            Iterator<Key> oldest = completed.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** A message still waiting for parts; its array fills as they come. */
    private static final class Pending {

        private final Key key;
        private final int dataCoding;
        private final byte[][] parts;
        private final Instant firstAt;
        private Instant lastAt;
        private int filled;

        Pending(Key key, int dataCoding, byte[][] parts, Instant firstAt) {
            this.key = key;
            this.dataCoding = dataCoding;
            this.parts = parts;
            this.firstAt = firstAt;
            this.lastAt = firstAt;
            this.filled = (int) Arrays.stream(parts).filter(part -> part != null).count();
        }

        Assembled assembled() {
            return new Assembled(key, dataCoding, parts.clone(), firstAt, lastAt);
        }
    }

    /** A message completed lately, by the hash of each part, to know a part sent again. */
    private record Completed(Instant at, int[] hashes) {
    }
}
