package io.vgtx.hashing.pdq;

import io.vgtx.hashing.image.DecodedImage;

import java.util.EnumMap;
import java.util.Map;

/**
 * PDQ written straight from {@code shared/PDQ.md}, slowly and plainly, as the oracle {@link PdqHasher} is
 * checked against — the way the index has its brute-force twin. Whole-image 2-D float buffers, the four box
 * passes of §1.4 exactly as written (each column walked top to bottom, none of the hasher's row-wise
 * sweeps, four-row groups or sampled-columns-only last pass), decimation (§1.5), quality (§1.6), the
 * DCT as two matrix products (§1.7), and the median as the 128th smallest after a sort (§1.8).
 *
 * <p>One detail PDQ.md §1.7 leaves out, taken from the reference (pdqhashing.cpp): the matrix's scale
 * factor sqrt(2/64) is held in a float before it multiplies the double cosine. Without it, images with a
 * side of 8 or 16 pixels hash 2–27 bits away from the reference (issue 13).
 */
final class PdqOracle {
    private static final int DIM = 64;

    private PdqOracle() {}

    /** The 16×16 DCT coefficients and the quality of an image of at least 5×5 pixels. */
    record Spectrum(float[][] coefficients, int quality) {
        PdqHash hash() {
            return threshold(coefficients);
        }

        Map<Dihedral, PdqHash> dihedral() {
            Map<Dihedral, PdqHash> hashes = new EnumMap<>(Dihedral.class);
            for (Dihedral d : Dihedral.values()) hashes.put(d, threshold(transform(d, coefficients)));
            return hashes;
        }
    }

    static Spectrum spectrum(DecodedImage image) {
        float[][] luma = luma(image);
        float[][] block = image.width() == DIM && image.height() == DIM ? luma : decimate(blur(luma));
        return new Spectrum(dct(block), quality(block));
    }

    /** §1.2: Y = 0.299·R + 0.587·G + 0.114·B in float, in that order; grey samples as they are. */
    static float[][] luma(DecodedImage image) {
        int rows = image.height();
        int cols = image.width();
        byte[] px = image.pixels();
        float[][] y = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int p = i * cols + j;
                if (image.isGrey()) {
                    y[i][j] = px[p] & 0xFF;
                } else {
                    float r = 0.299f * (px[3 * p] & 0xFF);
                    float g = 0.587f * (px[3 * p + 1] & 0xFF);
                    float b = 0.114f * (px[3 * p + 2] & 0xFF);
                    y[i][j] = r + g + b;
                }
            }
        }
        return y;
    }

    /** §1.4: two rounds of (box along every row, then box along every column), each into the other buffer. */
    static float[][] blur(float[][] image) {
        int rows = image.length;
        int cols = image[0].length;
        int rowWindow = (cols + 127) / 128;
        int colWindow = (rows + 127) / 128;
        float[][] a = image;
        float[][] b = new float[rows][cols];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < rows; i++) {
                float[] out = box(a[i], rowWindow);
                System.arraycopy(out, 0, b[i], 0, cols);
            }
            for (int j = 0; j < cols; j++) {
                float[] column = new float[rows];
                for (int i = 0; i < rows; i++) column[i] = b[i][j];
                float[] out = box(column, colWindow);
                for (int i = 0; i < rows; i++) a[i][j] = out[i];
            }
        }
        return a;
    }

    /** §1.4's one-dimensional box pass, its four phases with one float running sum, as written. */
    static float[] box(float[] x, int w) {
        int length = x.length;
        int h = (w + 2) / 2;
        float[] y = new float[length];
        float sum = 0.0f;
        int count = 0;
        int next = 0;
        int leaving = 0;
        int out = 0;
        for (int i = 0; i < h - 1; i++) {
            sum += x[next++];
            count++;
        }
        for (int i = 0; i < w - h + 1; i++) {
            sum += x[next++];
            count++;
            y[out++] = sum / count;
        }
        for (int i = 0; i < length - w; i++) {
            sum += x[next++];
            sum -= x[leaving++];
            y[out++] = sum / count;
        }
        for (int i = 0; i < h - 1; i++) {
            sum -= x[leaving++];
            count--;
            y[out++] = sum / count;
        }
        return y;
    }

    /** §1.5: the centres of 64×64 cells, index arithmetic in double, truncated. */
    static float[][] decimate(float[][] blurred) {
        int rows = blurred.length;
        int cols = blurred[0].length;
        float[][] a = new float[DIM][DIM];
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < DIM; j++) {
                a[i][j] = blurred[(int) ((i + 0.5) * rows / DIM)][(int) ((j + 0.5) * cols / DIM)];
            }
        }
        return a;
    }

    /** §1.6: truncated gradients between neighbours, summed as integers, scaled to 0..100. */
    static int quality(float[][] a) {
        int sum = 0;
        for (int i = 0; i < DIM - 1; i++) {
            for (int j = 0; j < DIM; j++) sum += Math.abs((int) ((a[i][j] - a[i + 1][j]) * 100 / 255));
        }
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < DIM - 1; j++) sum += Math.abs((int) ((a[i][j] - a[i][j + 1]) * 100 / 255));
        }
        return Math.min(100, sum / 90);
    }

    /** §1.7: B = D·A·Dᵀ, every sum a float accumulation from zero in ascending index order. */
    static float[][] dct(float[][] a) {
        float scale = (float) Math.sqrt(2.0 / 64);
        float[][] d = new float[16][DIM];
        for (int u = 0; u < 16; u++) {
            for (int x = 0; x < DIM; x++) d[u][x] = (float) (scale * Math.cos(Math.PI / 128 * (u + 1) * (2 * x + 1)));
        }
        float[][] t = new float[16][DIM];
        for (int u = 0; u < 16; u++) {
            for (int x = 0; x < DIM; x++) {
                float sum = 0.0f;
                for (int y = 0; y < DIM; y++) sum += d[u][y] * a[y][x];
                t[u][x] = sum;
            }
        }
        float[][] b = new float[16][16];
        for (int u = 0; u < 16; u++) {
            for (int v = 0; v < 16; v++) {
                float sum = 0.0f;
                for (int x = 0; x < DIM; x++) sum += t[u][x] * d[v][x];
                b[u][v] = sum;
            }
        }
        return b;
    }

    /** §1.8: bit 16u + v is set iff B[u][v] is strictly above the 128th smallest value. */
    static PdqHash threshold(float[][] b) {
        float[] sorted = new float[256];
        for (int u = 0; u < 16; u++) System.arraycopy(b[u], 0, sorted, u * 16, 16);
        java.util.Arrays.sort(sorted);
        float median = sorted[127];
        boolean[] bits = new boolean[256];
        for (int u = 0; u < 16; u++) {
            for (int v = 0; v < 16; v++) bits[16 * u + v] = b[u][v] > median;
        }
        return PdqHash.fromBits(bits);
    }

    /** §1.10's table, row by row: where A[u][v] goes and whether it is negated. */
    static float[][] transform(Dihedral variant, float[][] a) {
        float[][] b = new float[16][16];
        for (int u = 0; u < 16; u++) {
            for (int v = 0; v < 16; v++) {
                float value = a[u][v];
                switch (variant) {
                    case ORIG -> b[u][v] = value;
                    case ROT90 -> b[v][u] = v % 2 == 0 ? -value : value;
                    case ROT180 -> b[u][v] = (u + v) % 2 == 1 ? -value : value;
                    case ROT270 -> b[v][u] = u % 2 == 0 ? -value : value;
                    case FLIPX -> b[u][v] = u % 2 == 0 ? -value : value;
                    case FLIPY -> b[u][v] = v % 2 == 0 ? -value : value;
                    case FLIPP -> b[v][u] = value;
                    case FLIPM -> b[v][u] = (u + v) % 2 == 1 ? -value : value;
                }
            }
        }
        return b;
    }
}
