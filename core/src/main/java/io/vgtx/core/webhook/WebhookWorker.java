package io.vgtx.core.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@link WebhookDelivery#runDue()} in the background of a node, every {@link WebhookSettings#pollInterval}, on a
 * virtual thread. Started with the node (whatever was pending before a restart goes out in the first round) and
 * {@linkplain #close() closed} before its database: a round in progress finishes, and a delivery cut off lapses and is
 * sent again later.
 */
public final class WebhookWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);

    private final WebhookDelivery delivery;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("vgtx-webhooks").factory());
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    public WebhookWorker(WebhookDelivery delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    /** Starts polling; a second call does nothing. */
    public WebhookWorker start() {
        if (closed.get()) throw new IllegalStateException("the webhook worker was closed");
        if (started.compareAndSet(false, true)) {
            long every = delivery.settings().pollInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::round, 0, every, TimeUnit.MILLISECONDS);
            LOG.atInfo().addKeyValue("pollMs", every).log("webhook delivery started");
        }
        return this;
    }

    private void round() {
        try {
            delivery.runDue();
        } catch (RuntimeException e) {
            // A database that is briefly unavailable: the next round tries again.
            LOG.atWarn().setCause(e).log("webhook delivery round failed");
        }
    }

    /** Stops polling, waits for a round in progress (up to twice the request timeout), then closes the HTTP client. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        scheduler.shutdown();
        try {
            Duration wait = delivery.settings().requestTimeout().multipliedBy(2);
            if (!scheduler.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            delivery.close();
            if (started.get()) LOG.info("webhook delivery stopped");
        }
    }
}
