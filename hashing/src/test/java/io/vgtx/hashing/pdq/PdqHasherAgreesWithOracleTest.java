package io.vgtx.hashing.pdq;

import io.vgtx.hashing.image.DecodedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast hasher against {@link PdqOracle}, its plain twin written from PDQ.md, on generated images of random
 * sizes: the hash, the quality and all eight dihedral hashes must be the same bits. The sizes are random from 5 to
 * 300 on both sides (a fixed seed), plus every pairing of the sides where the hasher's special cases begin and end
 * (blur windows of 1, 2 and 3 pixels; 64; fewer rows than a four-row group; sides that decimate into exact repeats).
 */
class PdqHasherAgreesWithOracleTest {
    private static final long SEED = 0x5EED_13L;
    private static final int RANDOM_CASES = 300;
    private static final int[] EDGE_SIDES = {5, 6, 7, 8, 9, 16, 32, 63, 64, 65, 128, 129, 256, 257};

    /** One reused hasher, as a worker thread keeps one: buffers left from a larger image must not matter. */
    private static final PdqHasher HASHER = new PdqHasher();

    /** What the pixels look like: each kind stresses another part of the pipeline. */
    enum Content {
        /** Independent random samples: every gradient large, quality 100. */
        NOISE,
        /** A few random waves: the smooth, plasma-like case most photos resemble. */
        WAVES,
        /** A small random image enlarged by repeating pixels: exact repeats after decimation, coefficients at zero. */
        BLOCKS,
        /** One grey level with a few specks: ties everywhere, quality near 0. */
        NEARLY_FLAT,
        /** Waves in one grey channel, which PDQ reads without the luma weights. */
        GREY_WAVES
    }

    record Case(int width, int height, Content content, long seed) {
        DecodedImage image() {
            return Generated.image(this);
        }

        @Override
        public String toString() {
            return width + "x" + height + " " + content;
        }
    }

    static Stream<Case> cases() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Case> cases = new ArrayList<>();
        Content[] contents = Content.values();
        for (int i = 0; i < RANDOM_CASES; i++) {
            cases.add(new Case(random.nextInt(5, 301), random.nextInt(5, 301), contents[i % contents.length], random.nextLong()));
        }
        for (int width : EDGE_SIDES) {
            for (int height : EDGE_SIDES) {
                cases.add(new Case(width, height, contents[random.nextInt(contents.length)], random.nextLong()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hashQualityAndDihedralHashesAreTheOraclesBits(Case c) throws UnhashableImageException {
        DecodedImage image = c.image();
        PdqOracle.Spectrum expected = PdqOracle.spectrum(image);
        PdqResult actual = HASHER.hashWithDihedral(image);

        assertThat(actual.hash().toHex()).as("hash").isEqualTo(expected.hash().toHex());
        assertThat(actual.quality()).as("quality").isEqualTo(expected.quality());
        Map<Dihedral, PdqHash> dihedral = expected.dihedral();
        for (Dihedral variant : Dihedral.values()) {
            assertThat(actual.dihedral().get(variant).toHex()).as(variant.label()).isEqualTo(dihedral.get(variant).toHex());
        }
        assertThat(HASHER.hash(image).hash()).as("hash without dihedral").isEqualTo(actual.hash());
    }

    /** Pixel generators for {@link Case}, deterministic in the case's seed. */
    static final class Generated {
        private Generated() {}

        static DecodedImage image(Case c) {
            SplittableRandom random = new SplittableRandom(c.seed());
            int channels = c.content() == Content.GREY_WAVES ? 1 : 3;
            byte[] pixels = new byte[c.width() * c.height() * channels];
            switch (c.content()) {
                case NOISE -> {
                    for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) random.nextInt(256);
                }
                case WAVES, GREY_WAVES -> waves(pixels, c.width(), c.height(), channels, random);
                case BLOCKS -> blocks(pixels, c.width(), c.height(), random);
                case NEARLY_FLAT -> nearlyFlat(pixels, random);
            }
            return new DecodedImage(c.width(), c.height(), channels, pixels);
        }

        private static void waves(byte[] pixels, int width, int height, int channels, SplittableRandom random) {
            int waves = 3;
            double[][] wave = new double[channels * waves][4];
            for (double[] w : wave) {
                w[0] = random.nextDouble(0.2, 12) * 2 * Math.PI / width;
                w[1] = random.nextDouble(0.2, 12) * 2 * Math.PI / height;
                w[2] = random.nextDouble(2 * Math.PI);
                w[3] = random.nextDouble(20, 60);
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int ch = 0; ch < channels; ch++) {
                        double value = 128 + random.nextDouble(-4, 4);
                        for (int k = 0; k < waves; k++) {
                            double[] w = wave[ch * waves + k];
                            value += w[3] * Math.sin(w[0] * x + w[1] * y + w[2]);
                        }
                        pixels[(y * width + x) * channels + ch] = (byte) Math.clamp(Math.round(value), 0, 255);
                    }
                }
            }
        }

        private static void blocks(byte[] pixels, int width, int height, SplittableRandom random) {
            int blockWidth = Math.max(1, width / random.nextInt(2, 17));
            int blockHeight = Math.max(1, height / random.nextInt(2, 17));
            int smallWidth = (width + blockWidth - 1) / blockWidth;
            int smallHeight = (height + blockHeight - 1) / blockHeight;
            byte[] small = new byte[smallWidth * smallHeight * 3];
            for (int i = 0; i < small.length; i++) small[i] = (byte) random.nextInt(256);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    System.arraycopy(small, ((y / blockHeight) * smallWidth + x / blockWidth) * 3, pixels, (y * width + x) * 3, 3);
                }
            }
        }

        private static void nearlyFlat(byte[] pixels, SplittableRandom random) {
            byte level = (byte) random.nextInt(256);
            java.util.Arrays.fill(pixels, level);
            int specks = random.nextInt(1, 6);
            for (int i = 0; i < specks; i++) pixels[random.nextInt(pixels.length)] = (byte) random.nextInt(256);
        }
    }
}
