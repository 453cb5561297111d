package io.vgtx.core.store;

import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.signal.PdqSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast a large import is stored: {@code -Dvgtx.measure=N} adds N synthetic CSV-sized PDQ entries
 * (hash, quality, label) to an empty bank and prints entries per second. A measurement, not a timed
 * test, so it only runs when asked for.
 */
@ParameterizedClass
@EnumSource(Backend.class)
@EnabledIfSystemProperty(named = "vgtx.measure", matches = "\\d+")
class ImportRateMeasurement {
    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;

    @Test
    void addsSyntheticEntries() {
        int count = Integer.parseInt(System.getProperty("vgtx.measure"));
        try (Database db = Database.open(backend.newDatabase(tempDir))) {
            BankStore store = new BankStore(db);
            store.createBank("measure", "org", Optional.empty(), Distribution.AMBER);
            long start = System.nanoTime();
            ImportResult result = store.addEntries("measure", "org", synthetic(count));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %,d entries in %.2f s = %,.0f entries/s%n", backend, count, seconds, count / seconds);
            assertThat(result.added()).isEqualTo(count);
        }
    }

    private static EntrySource synthetic(int count) {
        SplittableRandom random = new SplittableRandom(42);
        byte[] hash = new byte[32];
        int[] made = {0};
        return () -> {
            if (made[0] == count) return Optional.empty();
            random.nextBytes(hash);
            int n = made[0]++;
            return Optional.of(EntryData.of(PdqSignal.PDQ, HexFormat.of().formatHex(hash))
                    .withQuality(50 + n % 51)
                    .withLabel("image-" + n + ".jpg"));
        };
    }
}
