package io.vgtx.server.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The node's metrics, served as Prometheus text at {@code /metrics}. The framework records every request in
 * {@code http_server_requests_seconds} (a histogram tagged by method, route template and status, never the raw
 * path); the domain adds its own through {@link #gauge}, {@link #counter} or the {@link #registry()} itself:
 * <pre>{@code
 * metrics.gauge("vgtx.index.entries", "Hashes in the match index", index::size);
 * Counter matches = metrics.counter("vgtx.matches", "Match requests that found something", "type", "PDQ");
 * }</pre>
 */
public final class ServerMetrics {
    public static final String REQUESTS = "http.server.requests";
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** For meters the helpers below do not cover (timers, distribution summaries …). */
    public MeterRegistry registry() {
        return registry;
    }

    /** A gauge read at every scrape, e.g. the size of the match index. Keep the supplier cheap. */
    public void gauge(String name, String description, Supplier<Number> value, String... tags) {
        Gauge.builder(name, value).description(description).tags(tags).strongReference(true).register(registry);
    }

    /** A counter, registered once and kept by the caller; tags are name/value pairs of low cardinality. */
    public Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    public void recordRequest(String method, String routeTemplate, int status, long durationNanos) {
        Timer.builder(REQUESTS)
                .description("HTTP requests by route template and status")
                .tags("method", method, "route", routeTemplate, "status", Integer.toString(status))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(durationNanos));
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    public void close() {
        registry.close();
    }
}
