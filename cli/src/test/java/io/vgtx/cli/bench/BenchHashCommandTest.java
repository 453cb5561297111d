package io.vgtx.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark command runs and reports every mode; its figures are not asserted (that is what benchmarks are for). */
class BenchHashCommandTest {
    private static final Path LABELME = Path.of(System.getProperty("vgtx.testdata", "../../shared/testdata"))
            .resolve("pdq/images/reg-test-input/labelme-subset");

    @Test
    void reportsThroughputForEachModeAndTheFastDeviation() throws Exception {
        CliRun run = CliRun.of("bench", "hash", "--seconds", "0.2", "--warmup", "0.1", "--json", LABELME.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("modes")).hasSize(3);
        assertThat(report.get("modes").findValuesAsText("mode")).containsExactly("canonical", "fast", "imageio");
        report.get("modes").forEach(mode -> assertThat(mode.get("images_per_second").asDouble()).isPositive());
        assertThat(report.get("fast_deviation").get("images").asInt()).isEqualTo(7);
        // 256-px images are never scaled or resized in fast mode, so fast equals canonical on them.
        assertThat(report.get("fast_deviation").get("max_bits").asInt()).isZero();
    }

    @Test
    void humanOutputNamesTheModes() {
        CliRun run = CliRun.of("bench", "hash", "--seconds", "0.1", "--warmup", "0.1", LABELME.toString());
        assertThat(run.out()).contains("canonical").contains("fast").contains("imageio").contains("images/s per core").contains("median");
    }
}
