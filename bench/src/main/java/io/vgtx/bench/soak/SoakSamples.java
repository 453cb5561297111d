package io.vgtx.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What {@code scripts/soak.sh} samples from the node every ~10 s, read back from its CSV
 * ({@value #HEADER}), and the growth criterion the soak is judged by.
 */
public final class SoakSamples {
    public static final String HEADER = "seconds,heap_after_gc_mb,heap_committed_mb,rss_mb,fds,threads,errors";

    /** Heap and RSS may end this much above where they started (after warm-up) and still count as flat. */
    static final double MAX_GROWTH = 1.2;
    /**
     * File descriptors and threads may also end this many above: counts in the tens (a pool that starts a thread more,
     * a connection open at the moment of sampling) are not a leak, while a leak keeps growing past any constant.
     */
    static final int COUNT_SLACK = 5;
    /** Fewer samples than this after warm-up and thirds say nothing. */
    static final int MIN_SAMPLES = 6;

    /**
     * One sample; {@code errors} is the running total of failed requests so far. The committed heap is not judged: it
     * says how much of the RSS is heap the JVM has sized for the load, when RSS moves and the heap after GC does not.
     */
    public record Sample(double seconds, double heapMb, double heapCommittedMb, double rssMb, int fds, int threads, long errors) {}

    /** One measure compared between the first and the last third of the samples after warm-up (medians). */
    public record Trend(String measure, double first, double last, boolean flat) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-17s first third %10.1f, last third %10.1f (x%.2f): %s", measure, first, last,
                    first == 0 ? 0 : last / first, flat ? "flat" : "GROWS");
        }
    }

    private SoakSamples() {}

    public static List<Sample> read(Path csv) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("seconds")) continue;
            String[] f = line.split(",");
            if (f.length != 7) throw new IOException(csv + ": expected " + HEADER + ", not: " + line);
            samples.add(new Sample(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[6])));
        }
        return samples;
    }

    /**
     * Heap after GC and RSS: the last third's median at most {@value #MAX_GROWTH}× the first third's; file descriptors
     * and threads the same, or at most {@value #COUNT_SLACK} above. Empty when there are too few samples to judge.
     */
    public static List<Trend> trends(List<Sample> samples, double warmUpSeconds) {
        List<Sample> measured = samples.stream().filter(s -> s.seconds() >= warmUpSeconds).toList();
        if (measured.size() < MIN_SAMPLES) return List.of();
        List<Sample> first = measured.subList(0, measured.size() / 3);
        List<Sample> last = measured.subList(measured.size() - measured.size() / 3, measured.size());
        return List.of(
                trend("heap after GC MB", first, last, Sample::heapMb, 0),
                trend("RSS MB", first, last, Sample::rssMb, 0),
                trend("open fds", first, last, s -> s.fds(), COUNT_SLACK),
                trend("threads", first, last, s -> s.threads(), COUNT_SLACK));
    }

    private static Trend trend(String measure, List<Sample> first, List<Sample> last, ToDoubleFunction<Sample> value, int slack) {
        double a = median(first, value);
        double b = median(last, value);
        return new Trend(measure, a, b, b <= Math.max(a * MAX_GROWTH, a + slack));
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
        double[] values = samples.stream().mapToDouble(value).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    static double[] column(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return samples.stream().mapToDouble(value).toArray();
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
