package org.smsengine.progress;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/batches/{id}/progress/stream}: a {@code progress} event with the batch's
 * progress every interval; the stream ends after the event that shows a final state. One small
 * scheduler serves every open stream; no thread waits per client.
 */
@RestController
class ProgressStreamController implements DisposableBean {

    private static final String EVENT = "progress";

    private final ProgressService progress;
    private final ProgressSettings settings;
    private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "progress-stream");
        thread.setDaemon(true);
        return thread;
    });

    ProgressStreamController(ProgressService progress, ProgressSettings settings) {
        this.progress = progress;
        this.settings = settings;
    }

    @GetMapping(path = "/api/v1/batches/{id}/progress/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable long id) {
        BatchProgress first = progress.progress(id);
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        if (!send(emitter, first)) {
            return emitter;
        }
        AtomicReference<ScheduledFuture<?>> ticks = new AtomicReference<>();
        long every = settings.streamInterval().toMillis();
        ticks.set(ticker.scheduleAtFixedRate(() -> {
            boolean goesOn;
            try {
                goesOn = send(emitter, progress.progress(id));
            } catch (RuntimeException e) {
                // a failed tick would silently end the schedule and leave the client waiting
                emitter.completeWithError(e);
                goesOn = false;
            }
            if (!goesOn) {
                ticks.get().cancel(false);
            }
        }, every, every, TimeUnit.MILLISECONDS));
        Runnable stop = () -> {
            ScheduledFuture<?> future = ticks.get();
            if (future != null) {
                future.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        return emitter;
    }

    /** Sends one event; completes the stream after a final state. Returns whether the stream goes on. */
    private static boolean send(SseEmitter emitter, BatchProgress event) {
        try {
            emitter.send(SseEmitter.event().name(EVENT).data(event, MediaType.APPLICATION_JSON));
            if (event.state().isFinal()) {
                emitter.complete();
                return false;
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
            return false;
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
