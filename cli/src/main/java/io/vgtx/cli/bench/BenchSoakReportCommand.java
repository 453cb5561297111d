package io.vgtx.cli.bench;

import io.vgtx.bench.soak.SoakChart;
import io.vgtx.bench.soak.SoakSamples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vgtx bench soak-report}: the verdict and the curve of a {@code scripts/soak.sh} run. */
@Command(name = "soak-report", mixinStandardHelpOptions = true,
        description = {"Read scripts/soak.sh's samples (" + SoakSamples.HEADER + "), draw them into a PNG and",
                "judge them: heap after GC and RSS in the last third of the run after warm-up at most 1.2x the first third",
                "(medians), file descriptors and threads likewise or at most 5 above, and no failed request.",
                "Exit status: 0 flat and no errors, 1 otherwise."})
public final class BenchSoakReportCommand implements Callable<Integer> {
    @Option(names = "--csv", paramLabel = "FILE", required = true, description = "The samples.")
    Path csv;

    @Option(names = "--png", paramLabel = "FILE", description = "Draw the curves here.")
    Path png;

    @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "60",
            description = "Samples before this are drawn (shaded) but not judged (default: ${DEFAULT-VALUE}).")
    double warmUp;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "vgtx soak", description = "The chart's title.")
    String title;

    @Override
    public Integer call() throws IOException {
        List<SoakSamples.Sample> samples = SoakSamples.read(csv);
        if (png != null) SoakChart.write(samples, warmUp, title, png);
        List<SoakSamples.Trend> trends = SoakSamples.trends(samples, warmUp);
        long errors = samples.isEmpty() ? 0 : samples.getLast().errors();
        trends.forEach(System.out::println);
        System.out.printf("failed requests   %d%n", errors);
        if (trends.isEmpty()) {
            System.out.println("too few samples after the warm-up to judge growth");
            return 1;
        }
        return errors == 0 && trends.stream().allMatch(SoakSamples.Trend::flat) ? 0 : 1;
    }
}
