package io.vgtx.core.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A round of work (a background writer's flush) run on one virtual thread every interval once started, with a fixed
 * delay, so a slow round never overlaps the next. What writes off a request's path in batches shares this, so that
 * they all start and stop alike: the owner {@linkplain #stop() stops} the rounds, then writes what is left itself.
 */
public final class BackgroundRounds {
    private final Duration interval;
    private final Runnable round;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /** @param round must not throw: a round that fails should log and leave its work for the next */
    public BackgroundRounds(String threadName, Duration interval, Runnable round) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive, not " + interval);
        this.interval = interval;
        this.round = round;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(threadName).factory());
    }

    /** Starts the rounds; a second call does nothing. @throws IllegalStateException once stopped */
    public void start() {
        if (stopped.get()) throw new IllegalStateException("stopped");
        if (started.compareAndSet(false, true)) {
            long every = interval.toMillis();
            scheduler.scheduleWithFixedDelay(round, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops the rounds, waiting up to 30 s for one in progress to finish.
     *
     * @return whether this call stopped them (false when they were stopped already)
     */
    public boolean stop() {
        if (!stopped.compareAndSet(false, true)) return false;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) scheduler.shutdownNow();
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
