package io.vgtx.bench.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load on a node's match API: {@code clients} concurrent clients, each sending {@code POST /api/v1/match}
 * requests of {@code batch} PDQ hashes back to back for the duration, after a warm-up that is not counted.
 * A fraction of the hashes are near-duplicates (0–8 bits) of hashes the node was loaded with
 * ({@link #writeHashes}), the rest random, so both the hit and the miss paths are exercised.
 */
public final class MatchLoad {
    private static final int MAX_NEAR_FLIPS = 8;

    /**
     * @param rate requests per second offered by all clients together, paced on a fixed schedule; 0 sends back to
     *             back (the most the node serves). When paced, latency runs from a request's scheduled time, so a
     *             node that falls behind is charged for the wait (no coordinated omission). A backlog left from the
     *             warm-up (a cold JVM, on either side, falls seconds behind a high rate) is dropped when recording
     *             starts: the schedule restarts from then, and only a backlog formed while recording is charged.
     */
    public record Config(URI node, String token, int clients, Duration warmUp, Duration duration, int batch,
                         double knownFraction, long storedSize, long seed, double rate) {
        public Config {
            if (clients < 1) throw new IllegalArgumentException("clients must be at least 1");
            if (batch < 1 || batch > 10_000) throw new IllegalArgumentException("batch must be 1..10000");
            if (knownFraction < 0 || knownFraction > 1) throw new IllegalArgumentException("known fraction must be 0..1");
            if (rate < 0) throw new IllegalArgumentException("rate must not be negative");
        }
    }

    /**
     * @param matchedHashes queried hashes the node answered with at least one visible match
     * @param errors        requests that failed or did not answer 200
     */
    public record Result(long requests, long hashes, long matchedHashes, long errors, double seconds,
                         double p50Millis, double p99Millis, double maxMillis) {
        public double requestsPerSecond() {
            return requests / seconds;
        }

        public double hashesPerSecond() {
            return hashes / seconds;
        }
    }

    private MatchLoad() {}

    /** Writes the node's {@code size} synthetic hashes, one per line: the PDQ text format {@code vgtx bank import --format pdq} reads. */
    public static void writeHashes(Path file, long size, long seed) throws IOException {
        SyntheticPdq hashes = new SyntheticPdq(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (long i = 0; i < size; i++) {
                out.write(hashes.hex(i));
                out.write('\n');
            }
        }
    }

    public static Result run(Config config) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean recording = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        List<Future<ClientStats>> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(config.clients())) {
            for (int c = 0; c < config.clients(); c++) {
                long clientSeed = config.seed() * 31 + c;
                clients.add(pool.submit(() -> client(http, config, new SplittableRandom(clientSeed), recording, stop)));
            }
            Thread.sleep(config.warmUp().toMillis());
            recording.set(true);
            long start = System.nanoTime();
            Thread.sleep(config.duration().toMillis());
            stop.set(true);
            double seconds = (System.nanoTime() - start) / 1e9;
            return summarise(clients, config.batch(), seconds);
        }
    }

    private static Result summarise(List<Future<ClientStats>> clients, int batch, double seconds) throws InterruptedException {
        LongArray latencies = new LongArray();
        long errors = 0;
        long matched = 0;
        for (Future<ClientStats> future : clients) {
            ClientStats stats;
            try {
                stats = future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a load client failed", e.getCause());
            }
            latencies.addAll(stats.latencies);
            errors += stats.errors;
            matched += stats.matched;
        }
        long[] sorted = latencies.sorted();
        long requests = sorted.length;
        return new Result(requests, requests * batch, matched, errors, seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static final class ClientStats {
        final LongArray latencies = new LongArray();
        long errors;
        long matched;
    }

    /** One client: requests back to back; only those that start while recording are counted. */
    private static ClientStats client(HttpClient http, Config config, SplittableRandom random, AtomicBoolean recording,
                                      AtomicBoolean stop) {
        SyntheticPdq stored = new SyntheticPdq(config.seed());
        ClientStats stats = new ClientStats();
        URI match = config.node().resolve("/api/v1/match");
        long period = config.rate() > 0 ? (long) (1e9 * config.clients() / config.rate()) : 0;
        Schedule schedule = period > 0 ? new Schedule(System.nanoTime() + random.nextLong(period), period) : null;
        while (!stop.get()) {
            // The request is made before its scheduled time comes: the client's own work is not the node's latency.
            HttpRequest request = HttpRequest.newBuilder(match)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + config.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(config, stored, random)))
                    .build();
            boolean counted = recording.get();
            long start = System.nanoTime();
            if (schedule != null) {
                start = schedule.next(start, counted);
                long wait = start - System.nanoTime();
                if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long elapsed = System.nanoTime() - start;
                if (!counted) continue;
                stats.latencies.add(elapsed);
                if (response.statusCode() != 200) stats.errors++;
                else stats.matched += answeredQueries(response.body());
            } catch (IOException e) {
                if (counted) stats.errors++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stats;
            }
        }
        return stats;
    }

    /**
     * A paced client's send times, a fixed period apart, whatever the answers' latency. Recording restarts the
     * schedule from the time it begins if the client is behind then: a backlog from the warm-up is not charged.
     */
    static final class Schedule {
        private final long period;
        private long next;
        private boolean recording;

        Schedule(long first, long period) {
            this.next = first;
            this.period = period;
        }

        /** When the next request is due (a latency counts from it), given the time now and whether recording has begun. */
        long next(long now, boolean recordingNow) {
            if (recordingNow && !recording) next = Math.max(next, now);
            recording = recordingNow;
            long due = next;
            next += period;
            return due;
        }
    }

    private static String body(Config config, SyntheticPdq stored, SplittableRandom random) {
        StringBuilder json = new StringBuilder(80 * config.batch() + 16).append("{\"hashes\":[");
        for (int i = 0; i < config.batch(); i++) {
            if (i > 0) json.append(',');
            boolean known = config.storedSize() > 0 && random.nextDouble() < config.knownFraction();
            String hex = known
                    ? stored.nearDuplicate(random.nextLong(config.storedSize()), random.nextInt(MAX_NEAR_FLIPS + 1), random)
                    : SyntheticPdq.random(random);
            json.append("{\"type\":\"PDQ\",\"value\":\"").append(hex).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** Results with a non-empty {@code matches} list, counted without parsing the whole answer. */
    static long answeredQueries(String body) {
        return count(body, "\"matches\":[{");
    }

    private static long count(String text, String needle) {
        long n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) n++;
        return n;
    }

    /** A growable array of longs, so a client records latencies without boxing. */
    private static final class LongArray {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = value;
        }

        void addAll(LongArray other) {
            for (int i = 0; i < other.size; i++) add(other.values[i]);
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
