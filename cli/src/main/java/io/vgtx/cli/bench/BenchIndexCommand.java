package io.vgtx.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.bench.index.IndexBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code vgtx bench index}: the PDQ index against brute force, measured in one run on one thread. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"PDQ range search (radius 31) on N synthetic hashes: brute force vs the index, on one thread.",
                "Queries: half uniform random, half a stored hash with 0..31 bits flipped. Recall is checked",
                "against brute force on the first " + IndexBenchmark.BRUTE_FORCE_QUERIES + " queries.",
                "--clustered: families of ~16 near-duplicates (0..40 bits from a family centre), as banks hold."})
public final class BenchIndexCommand implements Callable<Integer> {
    @Option(names = "--size", paramLabel = "N", defaultValue = "1000000", description = "Hashes in the index (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--queries", paramLabel = "Q", defaultValue = "10000", description = "Queries timed on the index (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--clustered", description = "Clustered instead of uniform data.")
    boolean clustered;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42")
    long seed;

    @Option(names = "--json", description = "One JSON object: brute_us, index_us, speedup, recall, bytes_per_entry, …")
    boolean json;

    @Override
    public Integer call() {
        IndexBenchmark.Result r = IndexBenchmark.run(size, queries, clustered, seed);
        if (!json) {
            System.out.println(r);
            return 0;
        }
        System.out.println(new ObjectMapper().createObjectNode()
                .put("n", r.n()).put("queries", r.queries()).put("clustered", r.clustered())
                .put("brute_us", round(r.bruteUs())).put("index_us", round(r.indexUs())).put("speedup", round(r.speedup()))
                .put("queries_per_second", Math.round(r.queriesPerSecond())).put("recall", r.recall()).put("exact", r.exact())
                .put("recall_queries", r.recallQueries()).put("mean_hits", round(r.meanHits()))
                .put("bytes_per_entry", round(r.bytesPerEntry())).put("build_ms", r.buildMillis())
                .put("tables", r.tables()).put("entry_bytes", r.entryBytes()));
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
