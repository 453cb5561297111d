package io.vgtx.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.bench.store.ImportBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code vgtx bench import}: a synthetic CSV streamed into one all-or-nothing import. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import speed: N synthetic CSV entries into a fresh bank (SQLite in a temporary folder, or --db).")
public final class BenchImportCommand implements Callable<Integer> {
    @Option(names = "--size", paramLabel = "N", defaultValue = "1000000", description = "Entries (default: ${DEFAULT-VALUE}).")
    long size;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Measure on this database instead (a new bank is created in it).")
    String jdbcUrl;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("vgtx-bench-import");
        try {
            ImportBenchmark.Result r = ImportBenchmark.run(size, work, Optional.ofNullable(jdbcUrl));
            if (json) {
                System.out.println(new ObjectMapper().createObjectNode().put("entries", r.entries()).put("file_bytes", r.fileBytes())
                        .put("seconds", Math.round(r.seconds() * 100) / 100.0).put("entries_per_second", Math.round(r.entriesPerSecond()))
                        .put("added", r.imported().added()));
            } else {
                System.out.printf("imported %,d CSV entries (%,d bytes) in %.1f s: %,.0f entries/s (%,d added)%n",
                        r.entries(), r.fileBytes(), r.seconds(), r.entriesPerSecond(), r.imported().added());
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }
}
