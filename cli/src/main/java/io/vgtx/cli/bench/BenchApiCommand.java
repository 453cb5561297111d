package io.vgtx.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.bench.api.MatchLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code vgtx bench api}: match requests against a running node; {@code scripts/load-bench.sh} sets one up. */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = {"Load on a running node's match API: concurrent clients sending POST /api/v1/match requests of",
                "--batch PDQ hashes; prints requests/s, hashes/s and p50/p99 latency. scripts/load-bench.sh loads a node",
                "with the synthetic hashes (--write-hashes) and runs this against it."})
public final class BenchApiCommand implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080", description = "The node (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:VGTX_TOKEN}",
            description = "An API token of an active organisation (default: $VGTX_TOKEN).")
    String token;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100", description = "Hashes per request (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "30", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "5", description = "Unmeasured seconds first (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--size", paramLabel = "N", defaultValue = "1000000",
            description = "How many synthetic hashes the node holds (written by --write-hashes with the same --seed; default: ${DEFAULT-VALUE}).")
    long size;

    @Option(names = "--known", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Fraction of queried hashes that are near-duplicates (0-8 bits) of held ones (default: ${DEFAULT-VALUE}).")
    double known;

    @Option(names = "--rate", paramLabel = "REQUESTS_PER_SECOND", defaultValue = "0",
            description = "Offer this many requests/s in all, on a fixed schedule (latency counted from the schedule); 0: back to back (default).")
    double rate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the synthetic hashes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--write-hashes", paramLabel = "FILE",
            description = "Instead of running: write the --size synthetic hashes to FILE, one per line (import with --format pdq).")
    Path hashFile;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (hashFile != null) {
            MatchLoad.writeHashes(hashFile, size, seed);
            System.err.printf("wrote %,d synthetic PDQ hashes to %s%n", size, hashFile);
            return 0;
        }
        if (token == null || token.isBlank()) {
            System.err.println("vgtx bench api: give --token or set VGTX_TOKEN");
            return 2;
        }
        MatchLoad.Result r = MatchLoad.run(new MatchLoad.Config(url, token, clients, Duration.ofSeconds(warmUp),
                Duration.ofSeconds(seconds), batch, known, size, seed, rate));
        if (json) {
            System.out.println(new ObjectMapper().createObjectNode().put("clients", clients).put("batch", batch).put("rate", rate)
                    .put("requests", r.requests()).put("errors", r.errors()).put("seconds", round(r.seconds()))
                    .put("requests_per_second", round(r.requestsPerSecond())).put("hashes_per_second", round(r.hashesPerSecond()))
                    .put("p50_ms", round(r.p50Millis())).put("p99_ms", round(r.p99Millis())).put("max_ms", round(r.maxMillis()))
                    .put("matched_hashes", r.matchedHashes()));
        } else {
            System.out.printf("%d clients x %d hashes/request for %.1f s against %s, %s%n", clients, batch, r.seconds(), url,
                    rate > 0 ? "offering " + rate + " requests/s" : "back to back");
            System.out.printf("requests  %,d (%.1f/s), errors %,d%n", r.requests(), r.requestsPerSecond(), r.errors());
            System.out.printf("hashes    %,.0f/s matched, %,d with a visible match%n", r.hashesPerSecond(), r.matchedHashes());
            System.out.printf("latency   p50 %.2f ms, p99 %.2f ms, max %.2f ms per request%n", r.p50Millis(), r.p99Millis(), r.maxMillis());
        }
        return r.errors() == 0 ? 0 : 1;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
