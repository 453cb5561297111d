package io.vgtx.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgtx.bench.hash.HashThroughput;
import io.vgtx.cli.files.TestData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vgtx bench hash [DIR]}: images per second on one core, canonical vs --fast vs plain ImageIO. */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = {"Hashing throughput on one core: digests + decode + PDQ of images held in memory,",
                "for the canonical path, --fast, and plain ImageIO decoding, measured in one run;",
                "then how far --fast hashes are from canonical ones on the same images.",
                "DIR defaults to the 8 bridge images (1600x1004 JPEG) of the shared test data."})
public final class BenchHashCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder of images, walked recursively (default: testdata/pdq/images/reg-test-input/dih).")
    Path folder;

    @Option(names = "--seconds", paramLabel = "S", description = "Measuring time per mode (default: ${DEFAULT-VALUE}).")
    double seconds = 5;

    @Option(names = "--warmup", paramLabel = "S", description = "Warm-up time per mode (default: ${DEFAULT-VALUE}).")
    double warmup = 3;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Path dir = folder != null ? folder : TestData.require("pdq/images/reg-test-input/dih");
        List<HashThroughput.Sample> samples = HashThroughput.load(dir);
        if (!json) System.out.printf("%d images from %s, one thread, %.0f s warm-up + %.0f s per mode%n%n", samples.size(), dir, warmup, seconds);
        ObjectNode report = new ObjectMapper().createObjectNode();
        ArrayNode results = report.putArray("modes");
        List<HashThroughput.Mode> modes = HashThroughput.standardModes();
        double canonical = 0;
        for (HashThroughput.Mode mode : modes) {
            HashThroughput.Result r = HashThroughput.measure(mode, samples, Duration.ofMillis((long) (warmup * 1000)), Duration.ofMillis((long) (seconds * 1000)));
            if (canonical == 0) canonical = r.imagesPerSecond();
            if (json) {
                results.addObject().put("mode", r.mode()).put("images_per_second", round(r.imagesPerSecond()))
                        .put("ms_per_image", round(r.millisPerImage())).put("images_hashed", r.hashed());
            } else {
                System.out.printf("%-10s %8.1f images/s per core   %6.2f ms/image   %.2fx canonical%n",
                        r.mode(), r.imagesPerSecond(), r.millisPerImage(), r.imagesPerSecond() / canonical);
            }
        }
        HashThroughput.Deviation deviation = HashThroughput.deviation(modes.get(0), modes.get(1), samples);
        if (json) {
            report.putObject("fast_deviation").put("images", deviation.images())
                    .put("median_bits", deviation.medianBits()).put("max_bits", deviation.maxBits());
            System.out.println(report);
        } else {
            System.out.printf("%n--fast vs canonical PDQ over %d images: median %.1f bits, max %d bits%n",
                    deviation.images(), deviation.medianBits(), deviation.maxBits());
        }
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
