package io.vgtx.core.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * A background writer's rounds: its flush run on one virtual thread every interval once started, with a fixed delay
 * (a slow round never overlaps the next), and once more when it is closed. What writes off a request's path in batches
 * shares this, so that they all start, fail and stop alike. A round that fails is logged and its work left, by the
 * flush, for the next one: a database that is briefly unavailable loses nothing.
 */
public final class BackgroundRounds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRounds.class);

    private final Duration interval;
    private final Runnable flush;
    private final String what;
    private final IntSupplier pending;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /**
     * @param what    what is written, for the log ("matches per day")
     * @param pending how many records wait, for the log when the last flush fails
     */
    public BackgroundRounds(String threadName, Duration interval, Runnable flush, String what, IntSupplier pending) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive, not " + interval);
        this.interval = interval;
        this.flush = flush;
        this.what = what;
        this.pending = pending;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(threadName).factory());
    }

    /** Starts the rounds; a second call does nothing. @throws IllegalStateException once closed */
    public void start() {
        if (stopped.get()) throw new IllegalStateException("closed: writing " + what + " has stopped");
        if (started.compareAndSet(false, true)) {
            long every = interval.toMillis();
            scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void round() {
        try {
            flush.run();
        } catch (RuntimeException e) {
            LOG.atWarn().setCause(e).log("writing " + what + " failed; trying again");
        }
    }

    /** Stops the rounds (waiting up to 30 s for one in progress) and flushes what is left; a second call does nothing. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) return;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) scheduler.shutdownNow();
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            flush.run();
        } catch (RuntimeException e) {
            LOG.atWarn().setCause(e).addKeyValue("pending", pending.getAsInt()).log("the last " + what + " were not written");
        }
    }
}
