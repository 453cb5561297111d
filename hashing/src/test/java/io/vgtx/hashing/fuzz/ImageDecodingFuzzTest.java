package io.vgtx.hashing.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vgtx.hashing.content.ContentHasher;
import io.vgtx.hashing.content.HashOptions;
import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.image.DecodeOptions;
import io.vgtx.hashing.image.ImageDecodeException;
import io.vgtx.hashing.image.ImageDecoders;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of every image decoder path, through the code {@code vgtx hash} and the match
 * API run: {@link ContentHasher} over {@link ImageDecoders#detect()} (libjpeg-turbo and libwebp through FFM where
 * present, ImageIO and TwelveMonkeys for the rest), canonical with the dihedral hashes, {@code --fast}, and with
 * EXIF orientation applied.
 *
 * <p>One target per format, each starting from its own seeds ({@link ImageSeeds}: tiny images encoded in memory from
 * the shared test data, never stored in the repository; the fuzzer mutates them, so almost every input keeps the
 * format's magic bytes and reaches that format's decoder). The default build runs every seed through the same checks;
 * {@code scripts/fuzz.sh DURATION} writes them into the fuzzer's working corpus and fuzzes each target for real. A
 * finding Jazzer saves in {@code ImageDecodingFuzzTestInputs/<target>/} is replayed by the default build from then on.
 *
 * <p>What counts as a finding: anything but a hashed image or a refusal with a reason — an exception escaping,
 * a crash of a native decoder (the JVM dies), and a refusal that hides a bug of ours (a runtime exception thrown by
 * {@code io.vgtx} code that the decoders' safety net turned into "decoder failed"). Runtime exceptions inside
 * ImageIO or TwelveMonkeys stay refusals: the safety net is our answer to their bugs.
 */
class ImageDecodingFuzzTest {
    /** Far above the seeds, far below the default: a header may still claim more, and is refused from it. */
    private static final long MAX_PIXELS = 4_000_000;
    private static final DecodeOptions DECODE = DecodeOptions.canonical().withMaxPixels(MAX_PIXELS);
    private static final List<ContentHasher> EVERY_WAY = List.of(
            new ContentHasher(ImageDecoders.detect(), HashOptions.canonical().withDecode(DECODE).withDihedral(true)),
            new ContentHasher(ImageDecoders.detect(), HashOptions.canonical().withDecode(DECODE).withFast(true)),
            new ContentHasher(ImageDecoders.detect(), HashOptions.canonical().withDecode(DECODE.withExifOrientation(true))));

    @FuzzTest
    void jpeg(byte[] data) {
        hashEveryWay(data);
    }

    @FuzzTest
    void png(byte[] data) {
        hashEveryWay(data);
    }

    @FuzzTest
    void gif(byte[] data) {
        hashEveryWay(data);
    }

    @FuzzTest
    void webp(byte[] data) {
        hashEveryWay(data);
    }

    @FuzzTest
    void bmp(byte[] data) {
        hashEveryWay(data);
    }

    @FuzzTest
    void tiff(byte[] data) {
        hashEveryWay(data);
    }

    static List<ImageSeeds.Seed> seeds() {
        return ImageSeeds.all();
    }

    /**
     * Every seed through the targets' checks, in the default build. With {@code -Dvgtx.fuzz.seedCorpus=DIR} (as
     * {@code scripts/fuzz.sh} runs it) the seeds are also written to DIR/{@code <target>}, the fuzzer's corpus.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everySeedIsHashedOrRefusedWithAReason(ImageSeeds.Seed seed) throws IOException {
        hashEveryWay(seed.bytes());
        String corpus = System.getProperty("vgtx.fuzz.seedCorpus");
        if (corpus != null) {
            Path dir = Files.createDirectories(Path.of(corpus, seed.target()));
            Files.write(dir.resolve("seed-" + seed.name()), seed.bytes());
        }
    }

    private static void hashEveryWay(byte[] data) {
        for (ContentHasher hasher : EVERY_WAY) {
            HashOutcome outcome = hash(hasher, data);
            if (outcome instanceof HashOutcome.Failed failed && failed.reason().isBlank())
                throw new AssertionError("a refusal without a reason");
        }
        ourBugBehindTheSafetyNet(data);
    }

    private static HashOutcome hash(ContentHasher hasher, byte[] data) {
        try {
            return hasher.hashStream("fuzzed", new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new AssertionError("reading bytes in memory cannot fail", e);
        }
    }

    /** The decoders turn any runtime exception into "decoder failed"; one thrown by our own code is a bug. */
    private static void ourBugBehindTheSafetyNet(byte[] data) {
        try {
            ImageDecoders.detect().decode(data, DECODE);
        } catch (ImageDecodeException e) {
            if (e.getCause() instanceof RuntimeException cause && thrownByUs(cause))
                throw new AssertionError("our decoding code threw " + cause, cause);
        }
    }

    /**
     * Whose code threw: the first frame outside the JDK's general-purpose packages (an exception from
     * {@code Arrays.copyOf} or {@code Objects.requireNonNull} belongs to whoever called it).
     */
    private static boolean thrownByUs(RuntimeException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (GENERAL_PURPOSE.stream().noneMatch(type::startsWith)) return type.startsWith("io.vgtx.");
        }
        return false;
    }

    private static final List<String> GENERAL_PURPOSE = List.of("java.lang.", "java.util.", "java.nio.", "jdk.internal.");
}
