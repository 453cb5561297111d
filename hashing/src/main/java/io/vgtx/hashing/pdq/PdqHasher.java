package io.vgtx.hashing.pdq;

import io.vgtx.hashing.image.DecodedImage;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Computes PDQ hashes exactly as the reference implementations do at full resolution (PDQ.md): luma,
 * Jarosz blur, decimation to 64×64, quality, 16×16 DCT, median threshold.
 *
 * <p>Not thread-safe: an instance reuses its buffers between images, so use one per thread.
 */
public final class PdqHasher {
    /** The C++ reference refuses images smaller than this on either side (MIN_HASHABLE_DIM). */
    public static final int MIN_DIMENSION = 5;
    private static final int DIM = 64;
    /** Buffers for images up to this many pixels are kept for the next image; larger ones are let go. */
    private static final int RETAINED_BUFFER_PIXELS = 16_000_000;

    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;
    // Each channel's products, precomputed: the same float products the formula gives, looked up
    // instead of converted and multiplied per pixel.
    private static final float[] RED_LUMA = products(LUMA_R);
    private static final float[] GREEN_LUMA = products(LUMA_G);
    private static final float[] BLUE_LUMA = products(LUMA_B);

    private final JaroszBlur blur = new JaroszBlur();
    private final Dct16 dct = new Dct16();
    private float[] luma = new float[0];
    private float[] scratch = new float[0];

    /** The canonical hash and its quality. */
    public PdqResult hash(DecodedImage image) throws UnhashableImageException {
        Spectrum spectrum = spectrum(image);
        return new PdqResult(threshold(spectrum.coefficients()), spectrum.quality());
    }

    /** The canonical hash plus the hashes of all eight dihedral variants, from one DCT. */
    public PdqResult hashWithDihedral(DecodedImage image) throws UnhashableImageException {
        Spectrum spectrum = spectrum(image);
        Map<Dihedral, PdqHash> variants = new EnumMap<>(Dihedral.class);
        for (Dihedral d : Dihedral.values()) variants.put(d, threshold(d.apply(spectrum.coefficients())));
        return new PdqResult(variants.get(Dihedral.ORIG), spectrum.quality(), variants);
    }

    /** The 16×16 DCT coefficients of an image and the quality of its 64×64 block. */
    private record Spectrum(float[] coefficients, int quality) {}

    /** Luma → blur → 64×64 → quality and DCT. */
    private Spectrum spectrum(DecodedImage image) throws UnhashableImageException {
        int rows = image.height();
        int cols = image.width();
        if (rows < MIN_DIMENSION || cols < MIN_DIMENSION)
            throw new UnhashableImageException("too small to hash: " + cols + "x" + rows
                    + " pixels, PDQ needs at least " + MIN_DIMENSION + " on each side");
        int pixels = Math.multiplyExact(rows, cols);
        float[] lumaBuffer = buffer(pixels, true);
        fillLuma(image, lumaBuffer);
        float[] block;
        if (rows == DIM && cols == DIM) {
            // The C++ reference skips blur and decimation for an image that is already 64×64.
            block = Arrays.copyOf(lumaBuffer, DIM * DIM);
        } else {
            block = blur.blurAndSample(lumaBuffer, buffer(pixels, false), rows, cols, sampleCentres(rows), sampleCentres(cols));
        }
        releaseLargeBuffers(pixels);
        return new Spectrum(dct.transform(block), quality(block));
    }

    private float[] buffer(int pixels, boolean lumaBuffer) {
        float[] current = lumaBuffer ? luma : scratch;
        if (current.length >= pixels) return current;
        float[] fresh = new float[pixels];
        if (lumaBuffer) luma = fresh;
        else scratch = fresh;
        return fresh;
    }

    private void releaseLargeBuffers(int pixels) {
        if (pixels > RETAINED_BUFFER_PIXELS) {
            luma = new float[0];
            scratch = new float[0];
        }
    }

    /** Y = 0.299·R + 0.587·G + 0.114·B in float, summed in that order; grey samples are taken as they are. */
    private static void fillLuma(DecodedImage image, float[] out) {
        byte[] px = image.pixels();
        int n = image.width() * image.height();
        if (image.isGrey()) {
            for (int i = 0; i < n; i++) out[i] = px[i] & 0xFF;
            return;
        }
        for (int i = 0, p = 0; i < n; i++, p += 3) {
            out[i] = RED_LUMA[px[p] & 0xFF] + GREEN_LUMA[px[p + 1] & 0xFF] + BLUE_LUMA[px[p + 2] & 0xFF];
        }
    }

    private static float[] products(float weight) {
        float[] table = new float[256];
        for (int v = 0; v < 256; v++) table[v] = weight * v;
        return table;
    }

    /** The centres of 64 equal cells along a side of {@code length} pixels; index arithmetic in double, truncated. */
    private static int[] sampleCentres(int length) {
        int[] centres = new int[DIM];
        for (int i = 0; i < DIM; i++) centres[i] = (int) ((i + 0.5) * length / DIM);
        return centres;
    }

    /** Sum of truncated gradients between neighbours, scaled to 0..100 (PDQ.md §1.6). */
    static int quality(float[] block) {
        int sum = 0;
        for (int i = 0; i < DIM - 1; i++) {
            for (int j = 0; j < DIM; j++) sum += gradient(block[i * DIM + j], block[(i + 1) * DIM + j]);
        }
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < DIM - 1; j++) sum += gradient(block[i * DIM + j], block[i * DIM + j + 1]);
        }
        return Math.min(100, sum / 90);
    }

    private static int gradient(float u, float v) {
        return Math.abs((int) ((u - v) * 100 / 255));
    }

    /** Bit k = 16u + v is set iff coefficient (u, v) is strictly above the median (the 128th smallest). */
    private static PdqHash threshold(float[] coefficients) {
        float[] sorted = coefficients.clone();
        Arrays.sort(sorted);
        float median = sorted[127];
        boolean[] bits = new boolean[PdqHash.BITS];
        for (int k = 0; k < PdqHash.BITS; k++) bits[k] = coefficients[k] > median;
        return PdqHash.fromBits(bits);
    }
}
