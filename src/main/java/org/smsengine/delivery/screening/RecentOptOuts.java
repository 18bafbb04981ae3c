package org.smsengine.delivery.screening;

import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The opt-outs of the last minutes, on every node, for the moment between a page's screening and
 * each of its submits. It polls the list's change feed ({@code sms_opt_out_event}, an index range of
 * the last moments) every {@code pollInterval}: an opt-out stored on any node is known here within
 * about that long, and the submitter checks it (a lookup in memory) right before each submit.
 * A removal (START, an administrator's DELETE) takes the number out again. Imports are not followed:
 * they reach delivery through the page screening, which reads the list itself.
 */
@Component
class RecentOptOuts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecentOptOuts.class);

    private final ScreeningMapper mapper;
    private final ScreeningSettings settings;
    /** Number → when it was opted out (the database's clock). */
    private final Map<String, OffsetDateTime> recent = new ConcurrentHashMap<>();
    private volatile OffsetDateTime seenUntil;
    private volatile Thread poller;
    private volatile boolean running;

    RecentOptOuts(ScreeningMapper mapper, ScreeningSettings settings) {
        this.mapper = mapper;
        this.settings = settings;
    }

    boolean contains(String phone) {
        return recent.containsKey(phone);
    }

    /** Reads the changes since the last poll (and {@code lookback} before it); forgets what is older than {@code recentFor}. */
    void poll() {
        OffsetDateTime now = mapper.now();
        OffsetDateTime since = seenUntil == null ? now.minus(settings.recentFor()) : seenUntil.minus(settings.lookback());
        for (ScreeningMapper.Change change : mapper.changesSince(since)) {
            if ("added".equals(change.action())) {
                recent.put(change.phone(), change.at());
            } else {
                recent.remove(change.phone());
            }
            if (seenUntil == null || change.at().isAfter(seenUntil)) {
                seenUntil = change.at();
            }
        }
        if (seenUntil == null || now.minus(settings.lookback()).isAfter(seenUntil)) {
            // nothing newer: the next poll starts a lookback before now, not at the last change ever seen
            seenUntil = now.minus(settings.lookback());
        }
        OffsetDateTime forget = now.minus(settings.recentFor());
        for (Iterator<OffsetDateTime> it = recent.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(forget)) {
                it.remove();
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::run, "opt-out-feed");
        thread.setDaemon(true);
        poller = thread;
        thread.start();
    }

    private void run() {
        long failures = 0;
        while (running) {
            try {
                poll();
                failures = 0;
            } catch (RuntimeException e) {
                if (failures++ % 50 == 0) {
                    log.warn("Reading the newest opt-outs failed ({}); pages are still screened against the list when claimed",
                            e.getMessage());
                }
            }
            try {
                Thread.sleep(Math.max(1, settings.pollInterval().toMillis()));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = poller;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Up before delivery starts, down after it stopped (NodeShutdown's phase is higher). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
