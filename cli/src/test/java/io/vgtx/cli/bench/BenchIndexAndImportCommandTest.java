package io.vgtx.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.cli.CliRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark commands run and report every figure; the figures themselves are for the benchmark runs, not tests. */
class BenchIndexAndImportCommandTest {
    @Test
    void indexBenchmarkReportsTheAgreedKeysAndExactRecall() throws Exception {
        for (String mode : new String[]{"--seed=7", "--clustered"}) {
            CliRun run = CliRun.of("bench", "index", "--size", "20000", "--queries", "200", "--json", mode);
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(run.out());
            for (String key : new String[]{"brute_us", "index_us", "speedup", "recall", "bytes_per_entry"})
                assertThat(result.has(key)).as(key).isTrue();
            assertThat(result.get("recall").asDouble()).isEqualTo(1.0);
            assertThat(result.get("exact").asBoolean()).isTrue();
            assertThat(result.get("tables").asInt()).as("20 000 entries: the small-index shape").isEqualTo(16);
            assertThat(result.get("entry_bytes").asInt()).isEqualTo(5);
        }
    }

    @Test
    void importBenchmarkImportsEveryEntry() throws Exception {
        CliRun run = CliRun.of("bench", "import", "--size", "2000", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("added").asLong()).isEqualTo(2000);
        assertThat(result.get("entries_per_second").asLong()).isPositive();
    }
}
