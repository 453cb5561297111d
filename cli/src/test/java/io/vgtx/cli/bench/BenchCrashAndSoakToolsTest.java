package io.vgtx.cli.bench;

import io.vgtx.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The tools scripts/crash-test.sh and scripts/soak.sh run: their exit status is what the scripts judge by. */
class BenchCrashAndSoakToolsTest {
    @Test
    void indexCheckFindsTheIndexEqualToTheDatabaseAfterAnImportAndARetraction(@TempDir Path dir) throws Exception {
        String data = dir.resolve("data").toString();
        Path hashes = dir.resolve("hashes.pdq");
        assertThat(CliRun.of("bench", "api", "--write-hashes", hashes.toString(), "--size", "500").exitCode()).isZero();
        assertThat(CliRun.of("bank", "create", "b", "--distribution", "GREEN", "--data-dir", data).exitCode()).isZero();
        assertThat(CliRun.of("bank", "import", "b", hashes.toString(), "--format", "pdq", "--no-progress", "--data-dir", data).exitCode()).isZero();
        assertThat(CliRun.of("bank", "retract", "b", Files.readAllLines(hashes).getFirst(), "--type", "PDQ", "--data-dir", data).exitCode()).isZero();

        CliRun first = CliRun.of("bench", "index-check", "--data-dir", data);
        CliRun fromSnapshot = CliRun.of("bench", "index-check", "--data-dir", data);

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("match index equals the database").contains("499 active entries").contains("1 retracted");
        assertThat(Files.exists(dir.resolve("data").resolve("match-index.snapshot"))).isTrue();
        assertThat(fromSnapshot.exitCode()).as(fromSnapshot.out()).isZero();
    }

    @Test
    void soakReportPassesAFlatRunDrawsItAndFailsOnAnyFailedRequest(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("soak.csv");
        Path png = dir.resolve("soak.png");
        Files.writeString(csv, IntStream.range(0, 20).mapToObj(i -> (i * 10) + ",300.0,512.0,900.0,40,30,0")
                .collect(Collectors.joining("\n", "seconds,heap_after_gc_mb,heap_committed_mb,rss_mb,fds,threads,errors\n", "\n")));

        CliRun flat = CliRun.of("bench", "soak-report", "--csv", csv.toString(), "--png", png.toString(), "--warm-up", "30");
        assertThat(flat.exitCode()).as(flat.out()).isZero();
        assertThat(flat.out()).contains("heap after GC").contains("flat").contains("failed requests   0");
        assertThat(Files.size(png)).isPositive();

        Files.writeString(csv, "190,300.0,512.0,900.0,40,30,1\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(CliRun.of("bench", "soak-report", "--csv", csv.toString(), "--warm-up", "30").exitCode()).isEqualTo(1);
        assertThat(CliRun.of("bench", "soak-report", "--csv", csv.toString(), "--warm-up", "1000").exitCode())
                .as("too few samples after warm-up").isEqualTo(1);
    }
}
