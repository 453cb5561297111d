package io.vgtx.bench.hash;

import io.vgtx.hashing.content.ContentHasher;
import io.vgtx.hashing.content.HashOptions;
import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.image.DecodeOptions;
import io.vgtx.hashing.image.DecodedImage;
import io.vgtx.hashing.image.ImageDecodeException;
import io.vgtx.hashing.image.ImageDecoders;
import io.vgtx.hashing.pdq.PdqHasher;
import io.vgtx.hashing.pdq.PdqResult;
import io.vgtx.hashing.pdq.UnhashableImageException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The stages of hashing one 1600×1004 JPEG: native and ImageIO decoding, PDQ alone, and end to end.
 * Run: {@code mvn -Pjmh -pl bench -am package -DskipTests && java --enable-native-access=ALL-UNNAMED -jar bench/target/benchmarks.jar Hashing}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class HashingBenchmark {
    private byte[] jpeg;
    private DecodedImage pixels;
    private final PdqHasher hasher = new PdqHasher();
    private final ImageDecoders nativeDecoders = ImageDecoders.detect();
    private final ImageDecoders imageIo = ImageDecoders.imageIoOnly();
    private final ContentHasher canonical = new ContentHasher(nativeDecoders, HashOptions.canonical());
    private final ContentHasher fast = new ContentHasher(nativeDecoders, HashOptions.canonical().withFast(true));

    @Setup
    public void load() throws IOException, ImageDecodeException {
        Path testdata = Path.of(System.getProperty("vgtx.testdata", "../shared/testdata"));
        jpeg = Files.readAllBytes(testdata.resolve("pdq/images/bridge-mods/aaa-orig.jpg"));
        pixels = nativeDecoders.decode(jpeg, DecodeOptions.canonical());
    }

    @Benchmark
    public DecodedImage decodeNative() throws ImageDecodeException {
        return nativeDecoders.decode(jpeg, DecodeOptions.canonical());
    }

    @Benchmark
    public DecodedImage decodeImageIo() throws ImageDecodeException {
        return imageIo.decode(jpeg, DecodeOptions.canonical());
    }

    @Benchmark
    public PdqResult pdqOnly() throws UnhashableImageException {
        return hasher.hash(pixels);
    }

    @Benchmark
    public PdqResult pdqWithDihedral() throws UnhashableImageException {
        return hasher.hashWithDihedral(pixels);
    }

    @Benchmark
    public HashOutcome endToEndCanonical() throws IOException {
        return canonical.hashStream("bench.jpg", new ByteArrayInputStream(jpeg));
    }

    @Benchmark
    public HashOutcome endToEndFast() throws IOException {
        return fast.hashStream("bench.jpg", new ByteArrayInputStream(jpeg));
    }
}
