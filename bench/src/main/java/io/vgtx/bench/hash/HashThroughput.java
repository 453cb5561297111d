package io.vgtx.bench.hash;

import io.vgtx.hashing.content.ContentHasher;
import io.vgtx.hashing.content.HashOptions;
import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.image.ImageDecoders;
import io.vgtx.hashing.pdq.PdqHash;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * End-to-end hashing throughput on one core: digests + decode + PDQ of encoded images held in memory
 * (so the disk is not what is measured), for each decoding path, in one run so the figures compare.
 */
public final class HashThroughput {
    /** A way of hashing to measure. */
    public record Mode(String name, ContentHasher hasher) {}

    /** Images per second on one thread. */
    public record Result(String mode, int distinctImages, long hashed, double seconds) {
        public double imagesPerSecond() {
            return hashed / seconds;
        }

        public double millisPerImage() {
            return seconds * 1000 / hashed;
        }
    }

    /** An encoded image and its name. */
    public record Sample(String name, byte[] bytes) {}

    /** The three paths `vgtx bench hash` compares: canonical, --fast, and plain ImageIO decoding. */
    public static List<Mode> standardModes() {
        return List.of(
                new Mode("canonical", new ContentHasher(ImageDecoders.detect(), HashOptions.canonical())),
                new Mode("fast", new ContentHasher(ImageDecoders.detect(), HashOptions.canonical().withFast(true))),
                new Mode("imageio", new ContentHasher(ImageDecoders.imageIoOnly(), HashOptions.canonical())));
    }

    /** How far {@code --fast} hashes are from canonical ones, in bits, over a set of images. */
    public record Deviation(int images, double medianBits, int maxBits) {}

    /** Reads every regular file under {@code folder} (recursively), sorted by path. */
    public static List<Sample> load(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Sample> samples = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList())
                samples.add(new Sample(folder.relativize(file).toString(), Files.readAllBytes(file)));
            if (samples.isEmpty()) throw new IOException("no files in " + folder);
            return samples;
        }
    }

    /** Warms each mode up, then hashes the samples round-robin for {@code measure}; one thread. */
    public static Result measure(Mode mode, List<Sample> samples, Duration warmup, Duration measure) {
        requireAllHash(mode, samples);
        loop(mode, samples, warmup);
        long start = System.nanoTime();
        long hashed = loop(mode, samples, measure);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(mode.name(), samples.size(), hashed, seconds);
    }

    /** Hashes every sample both ways and compares the PDQ hashes. */
    public static Deviation deviation(Mode canonical, Mode fast, List<Sample> samples) {
        int[] bits = samples.stream().mapToInt(sample -> pdqOf(canonical, sample).distance(pdqOf(fast, sample))).sorted().toArray();
        double median = bits.length % 2 == 1 ? bits[bits.length / 2] : (bits[bits.length / 2 - 1] + bits[bits.length / 2]) / 2.0;
        return new Deviation(bits.length, median, bits[bits.length - 1]);
    }

    private static PdqHash pdqOf(Mode mode, Sample sample) {
        if (hash(mode, sample) instanceof HashOutcome.Hashed hashed) return hashed.pdq().hash();
        throw new IllegalArgumentException(mode.name() + " cannot hash " + sample.name());
    }

    private static long loop(Mode mode, List<Sample> samples, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        long hashed = 0;
        do {
            for (Sample sample : samples) {
                hash(mode, sample);
                hashed++;
            }
        } while (System.nanoTime() < deadline);
        return hashed;
    }

    private static void requireAllHash(Mode mode, List<Sample> samples) {
        for (Sample sample : samples) {
            if (hash(mode, sample) instanceof HashOutcome.Failed failed)
                throw new IllegalArgumentException(mode.name() + " cannot hash " + sample.name() + ": " + failed.reason());
        }
    }

    private static HashOutcome hash(Mode mode, Sample sample) {
        try {
            return mode.hasher().hashStream(sample.name(), new ByteArrayInputStream(sample.bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
