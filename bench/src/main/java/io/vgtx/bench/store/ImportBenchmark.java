package io.vgtx.bench.store;

import io.vgtx.core.bank.Distribution;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import io.vgtx.core.store.ImportResult;
import io.vgtx.formats.EntryReader;
import io.vgtx.formats.Format;
import io.vgtx.formats.ReadOptions;
import io.vgtx.formats.catalog.Formats;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * End-to-end import speed: a synthetic CSV of {@code n} entries (PDQ hash, quality, category, series,
 * label, first seen) streamed through the CSV reader into one all-or-nothing import, on a fresh database.
 */
public final class ImportBenchmark {
    /** @param fileBytes size of the CSV; {@code seconds} covers parsing, validating and storing, not writing the file */
    public record Result(long entries, long fileBytes, double seconds, ImportResult imported) {
        public double entriesPerSecond() {
            return entries / seconds;
        }
    }

    private ImportBenchmark() {}

    public static Result run(long n, Path workDir, Optional<String> jdbcUrl) throws IOException {
        Path csv = workDir.resolve("import-bench.csv");
        writeCsv(csv, n, 42);
        DatabaseConfig config = jdbcUrl.map(DatabaseConfig::jdbcUrl).orElseGet(() -> DatabaseConfig.dataDirectory(workDir.resolve("db")));
        try (Database database = Database.open(config)) {
            BankStore store = new BankStore(database);
            String bank = "import-bench-" + System.nanoTime();
            store.createBank(bank, "bench", Optional.empty(), Distribution.AMBER);
            long start = System.nanoTime();
            ImportResult result;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16);
                 EntryReader reader = Formats.reader(Format.CSV, in, ReadOptions.DEFAULT)) {
                result = store.addEntries(bank, "bench", reader::next);
            }
            return new Result(n, Files.size(csv), (System.nanoTime() - start) / 1e9, result);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** Rows like a partner's list: random PDQ hashes, so every row is a new entry. */
    static void writeCsv(Path file, long n, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("type,value,quality,category,series,label,first_seen\n");
            for (long i = 0; i < n; i++) {
                out.write(String.format("PDQ,%016x%016x%016x%016x,%d,%s,series-%d,file-%d.jpg,2025-%02d-%02dT12:00:00Z%n",
                        random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong(),
                        50 + random.nextInt(51), "ABC".charAt(random.nextInt(3)), random.nextInt(1000), i,
                        1 + random.nextInt(12), 1 + random.nextInt(28)));
            }
        }
    }
}
